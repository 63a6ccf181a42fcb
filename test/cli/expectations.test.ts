/**
 * `--expectations FILE` through the built CLI: listed failures no longer fail the run (exit 0), a
 * listed failure that passes does (exit 1), and a malformed file is a usage error (exit 2) before
 * anything runs.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, readReport, removeReportDirs, reportDir } from './harness.js';

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
    expect(r.stdout).toMatch(/^XFAIL step-jacobian \(RJS-STEP\) on transposed\/default\/default\/float64 \(expected failure: Wᵀ·D on purpose \(examples\/\)\)$/m);
    expect(r.stdout).toMatch(/^0 passed, 2 failed \(2 expected\), 0 not applicable/m);
    expect(r.stdout).toContain(`Run passes against ${file}.`);
    const report = readReport(dir);
    expect(report.results.map((x) => [x.verdict, x.expectation?.outcome])).toEqual([['fail', 'expected-failure'], ['fail', 'expected-failure']]);
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
    expect(r.stdout).toMatch(/^XPASS step-jacobian \(RJS-STEP\) on minimal\/default\/default\/float64: passed, but the expectation file lists it as a failure \(was broken in 1\.0\): remove that entry$/m);
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
