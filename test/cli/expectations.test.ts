/**
 * `--expectations FILE` through the built CLI: listed failures no longer fail the run (exit 0), a
 * listed failure that passes does (exit 1), a listed unit that fails in another way than its entry
 * pins does (exit 1), and a malformed file is a usage error (exit 2) before anything runs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, fixture, readReport, removeReportDirs, reportDir, ROOT } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** Writes an expectation file into a fresh temp dir and returns its path. */
function expectationFile(doc: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rjs-expectations-')), 'known.json');
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

const STEP_ONLY = ['--properties', 'step-jacobian', '--runs', '20'];

describe('--expectations', () => {
  it('turns a listed failure into XFAIL and exits 0; the JSON report keeps the verdict and records the outcome', () => {
    const file = expectationFile({ expectations: [{ property: 'step-jacobian', adapter: 'transposed', reason: 'Wᵀ·D on purpose (examples/)' }] });
    const dir = reportDir();
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', ...STEP_ONLY, '--expectations', file, '--report', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^XFAIL step-jacobian \(RJS-STEP\) on transposed\/default\/default\/float64 \(expected failure: Wᵀ·D on purpose \(examples\/\)\)$/m,
    );
    expect(r.stdout).toMatch(/^0 passed, 2 failed \(2 expected\), 0 not applicable/m);
    expect(r.stdout).toContain(`Run passes against ${file}.`);
    const report = readReport(dir);
    expect(report.results.map((x) => [x.verdict, x.expectation?.outcome])).toEqual([
      ['fail', 'expected-failure'],
      ['fail', 'expected-failure'],
    ]);
    expect(report.summary).toMatchObject({ fail: 2, expectedFailures: 2, unexpectedPasses: 0 });
  });

  it('still fails (exit 1) on a failure the file does not list', () => {
    const file = expectationFile({ expectations: [{ property: 'step-jacobian', dtype: 'float32', reason: 'only float32 is known' }] });
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', ...STEP_ONLY, '--expectations', file, '--report', reportDir()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL step-jacobian \(RJS-STEP\) on transposed\/default\/default\/float64$/m);
    expect(r.stdout).toMatch(/^XFAIL step-jacobian \(RJS-STEP\) on transposed\/default\/default\/float32 /m);
  });

  it('fails (exit 1) when a listed failure passes, and says to remove the entry', () => {
    const file = expectationFile({ expectations: [{ property: 'step-jacobian', reason: 'was broken in 1.0' }] });
    const r = cli(['--adapter', './examples/minimal-adapter.mjs', ...STEP_ONLY, '--dtype', 'float64', '--expectations', file, '--report', reportDir()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^XPASS step-jacobian \(RJS-STEP\) on minimal\/default\/default\/float64: passed, but the expectation file lists it as a failure \(was broken in 1\.0\): remove that entry$/m,
    );
  });

  it('admits a failure whose kind and diagnosis the entry pins (exit 0)', () => {
    const file = expectationFile({
      expectations: [{ property: 'step-jacobian', kind: 'mismatch', diagnosis: ['transpose-W', 'transposed-jacobian'], reason: 'Wᵀ·D on purpose' }],
    });
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', ...STEP_ONLY, '--expectations', file, '--report', reportDir()]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0 passed, 2 failed \(2 expected\), /m);
  });

  it('fails (exit 1) when a unit listed for kind mismatch throws instead, and says what was expected and what happened', () => {
    // Pinned to the failure the transposed adapter shows; this adapter throws instead.
    const file = expectationFile({ expectations: [{ property: 'step-jacobian', kind: 'mismatch', diagnosis: 'transposed-jacobian', reason: 'Wᵀ·D (#1)' }] });
    const dir = reportDir();
    const r = cli([
      '--adapter',
      fixture('throws-above-3.mjs'),
      ...STEP_ONLY,
      '--dtype',
      'float64',
      '--expectations',
      file,
      '--report',
      dir,
      '--format',
      'json,junit',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const note =
      'a new failure: the expectation file expects kind mismatch, diagnosis transposed-jacobian (Wᵀ·D (#1)); this failure is kind threw, diagnosis none';
    expect(r.stdout).toContain(`\nFAIL step-jacobian (RJS-STEP) on throws-above-3/default/default/float64 (${note})\n`);
    expect(r.stdout).toMatch(/^0 passed, 1 failed \(0 expected, 1 not the failure listed\), /m);
    expect(r.stdout).toContain(`Run fails against ${file}.`);
    const report = readReport(dir);
    expect(report.results[0].expectation).toEqual({
      outcome: 'unexpected-failure',
      reason: 'Wᵀ·D (#1)',
      expected: [{ kind: ['mismatch'], diagnosis: ['transposed-jacobian'], reason: 'Wᵀ·D (#1)' }],
      actual: { kind: 'threw' },
    });
    expect(report.summary).toMatchObject({ fail: 1, expectedFailures: 0, unexpectedPasses: 0, unexpectedFailures: 1 });
    const ajv = new Ajv2020.default({ strict: true, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'specs', 'report.schema.json'), 'utf8')));
    expect(validate(report) ? '' : ajv.errorsText(validate.errors)).toBe('');
    expect(readFileSync(join(dir, 'rnn-jac-spec.junit.xml'), 'utf8')).toContain('type="unexpected-failure"');
  });

  it.each([
    ['float16', { dtype: 'float16' }, /expectations\[0\]\.dtype has unknown dtype "float16" \(allowed: float32, float64\)/],
    ['an unknown kind', { kind: 'shape' }, /expectations\[0\]\.kind has unknown kind "shape" \(allowed: .*wrong-shape/],
  ])('rejects %s with exit 2', (_what, entry, message) => {
    const r = cli([
      '--adapter',
      './examples/minimal-adapter.mjs',
      '--expectations',
      expectationFile({ expectations: [{ reason: 'r', ...entry }] }),
      '--report',
      reportDir(),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const file = expectationFile(`\uFEFF${JSON.stringify({ expectations: [{ property: 'step-jacobian', kind: 'mismatch', reason: 'r' }] })}`);
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', ...STEP_ONLY, '--expectations', file, '--report', reportDir()]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('rejects a malformed file with exit 2 before running, and writes no report', () => {
    const file = expectationFile({ expectations: [{ property: 'step-jacobian', varaint: 'x', reason: 'r' }] });
    const dir = reportDir();
    const r = cli(['--adapter', './examples/minimal-adapter.mjs', '--expectations', file, '--report', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expectations\[0\] has unknown key "varaint"/);
    expect(existsSync(dir)).toBe(false);
  });
});
