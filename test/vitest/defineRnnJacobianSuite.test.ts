/**
 * rnn-jac-spec/vitest: the reference adapter's properties registered as vitest tests (and passing,
 * here, in this file), and the transposed example adapter's failing in a child vitest run, with the
 * suite's message and diagnosis in vitest's output.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import { defineRnnJacobianSuite } from '../../src/vitest/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

defineRnnJacobianSuite({ adapter: await loadAdapter('reference', {}), runs: 15, maxN: 8, maxT: 4 });

describe('rnn-jac-spec/vitest with a wrong adapter', () => {
  it('fails its step-jacobian tests with the diagnosis, skips what the adapter lacks, and exits 1', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', ROOT, '--config', join(ROOT, 'test', 'vitest', 'fixtures', 'vitest.config.ts')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' }, timeout: 120_000 },
    );
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(1);
    expect(out).toMatch(/rnn-jac-spec: transposed > step-jacobian float64/);
    expect(out).toMatch(/rnn-jac-spec: transposed > step-jacobian float32/);
    expect(out).toMatch(/Wᵀ·diag\(σ'\)/);
    expect(out).toMatch(/input-jacobian float64 \(not applicable: /);
    expect(out).toMatch(/Tests\s+2 failed \| 2 skipped/);
  });
});
