/**
 * The golden vectors' consumers outside Node, run with Debian's /usr/bin/python3: the NumPy checker
 * (examples/python/check_vectors.py, with its closed-form implementation and with a user's function)
 * and the PyTorch one (examples/python/torch_vectors.py, torch.autograd in float64 and float32, and a
 * transposed layout that every vector must fail). Without python3-numpy and python3-torch the tests
 * are skipped and say what to install, unless CI is set (.ci/run installs both): there they fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './committedVectors.js';

const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install -y python3-numpy python3-torch';
const EXAMPLES = join(ROOT, 'examples', 'python');

function run(script: string, args: readonly string[], env: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync(PYTHON, [join(EXAMPLES, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error === undefined ? '' : String(r.error)}` };
}

function available(modules: string): string | undefined {
  const r = spawnSync(PYTHON, ['-c', `import ${modules}`], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `${PYTHON} cannot import ${modules} (${(r.stderr || String(r.error)).trim().split('\n').pop()}): ${INSTALL}`;
}

const required = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const noNumpy = available('numpy');
const noTorch = noNumpy ?? available('torch');
if (!required && noNumpy !== undefined) console.warn(`python.test.ts: NumPy checks skipped: ${noNumpy}`);
if (!required && noNumpy === undefined && noTorch !== undefined) console.warn(`python.test.ts: PyTorch checks skipped: ${noTorch}`);

const lines = (out: string, prefix: string) => out.split('\n').filter((l) => l.startsWith(prefix));

describe.skipIf(noNumpy !== undefined && !required)('examples/python/check_vectors.py (NumPy)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rjs-python-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes every vector with the closed forms of numpy_rnn.py, in float64 and float32', () => {
    expect(noNumpy, noNumpy).toBeUndefined();
    const r = run('check_vectors.py', []);
    expect(r.status, r.out).toBe(0);
    expect(lines(r.out, 'PASS ')).toHaveLength(336);
    expect(r.out).toContain('all vectors pass: float32 168/168, float64 168/168');
  });

  it("takes a user's function: a transposed step Jacobian fails every step-jacobian vector and exits 1", () => {
    expect(noNumpy, noNumpy).toBeUndefined();
    writeFileSync(join(dir, 'user_impl.py'), 'from numpy_rnn import step_jacobian\n\ndef transposed(c):\n    return step_jacobian(c).T\n');
    const r = run('check_vectors.py', ['--file', 'step-jacobian', '--impl', 'user_impl:transposed'], { PYTHONPATH: dir });
    expect(r.status, r.out).toBe(1);
    expect(lines(r.out, 'FAIL step-jacobian ')).toHaveLength(48);
    expect(lines(r.out, 'PASS ')).toHaveLength(0);
  });
});

describe.skipIf(noTorch !== undefined && !required)('examples/python/torch_vectors.py (PyTorch)', () => {
  it('torch.autograd passes every vector in float64 and float32 once F.softplus is exact to float64 (threshold 40)', () => {
    expect(noTorch, noTorch).toBeUndefined();
    const r = run('torch_vectors.py', ['--softplus-threshold', '40']);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('all vectors pass: float32 168/168, float64 168/168');
  });

  it("with torch's own softplus threshold (20), the only failures are float64 softplus vectors (softplus(x) = x past 20)", () => {
    expect(noTorch, noTorch).toBeUndefined();
    const r = run('torch_vectors.py', []);
    const failures = lines(r.out, 'FAIL ');
    expect(
      failures.filter((l) => !/^FAIL \S+ [a-z-]+\/softplus\/float64 /.test(l)),
      r.out,
    ).toEqual([]);
    expect(r.status, r.out).toBe(failures.length > 0 ? 1 : 0);
    expect(r.out).toMatch(/FAILED: float32 168\/168|all vectors pass: float32 168\/168/);
  });

  it('a transposed layout (Jᵀ, J·v for the VJP, transposed gradients, unit-major states) fails every vector', () => {
    expect(noTorch, noTorch).toBeUndefined();
    const r = run('torch_vectors.py', ['--transposed']);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('step-jacobian transposed: 48 of 48 vectors fail');
    expect(lines(r.out, 'PASS ')).toEqual([]);
    expect(r.out).toContain('every vector rejects the transposed layout');
  });
});
