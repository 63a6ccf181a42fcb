/**
 * Adapter code that faults (exits, throws outside the call's promise, returns values that throw when
 * read, throws values that throw when printed, fails in dispose) becomes a failed case or a one-line
 * exit 2, never a crash of the runner, and the whole report set is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectReportSet, failureOf, removeReportDirs, runAdapter, type HostileRun } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const STEP = ['--properties', 'step-jacobian', '--runs', '5'];

describe('faults during a call fail the case (exit 1)', () => {
  it('process.exit(0) inside a call is reported as such', () => {
    const r = runAdapter('exit-zero.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.summary).toContain('adapter code called process.exit(0)');
  });

  it('an unhandled rejection during a call', () => {
    const r = runAdapter('unhandled-rejection.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').summary).toContain('an unhandled rejection in adapter code');
  });

  it('a throw inside a setTimeout callback during a call', () => {
    const r = runAdapter('throw-in-timer.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').summary).toContain('an uncaught exception in adapter code');
  });

  it('a result whose element getter throws is `threw`', () => {
    const r = runAdapter('throwing-getter.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('threw');
    expect(f.summary).toContain('reading the value adapter.stepJacobian returned threw');
  });

  it('a thrown object whose toString throws is `threw`, and the run completes', () => {
    const r = runAdapter('throw-untostringable.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').kind).toBe('threw');
  });
});

describe('a dispose() that throws is an adapter fault (exit 2), the verdicts stand', () => {
  const check = (r: HostileRun): void => {
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('adapter fault');
    expect(r.stderr).toContain('dispose');
    const report = expectReportSet(r.dir);
    expect(report.faults?.length).toBeGreaterThan(0);
    expect(report.faults?.map((f) => f.during).join(' ')).toContain('dispose');
    const verdicts = report.results.filter((p) => p.verdict !== 'not-applicable').map((p) => p.verdict);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(
      verdicts.every((v) => v === 'pass'),
      verdicts.join(', '),
    ).toBe(true);
  };

  const TWO = ['--properties', 'step-jacobian,gradient-bound', '--runs', '5'];

  it('in one process', () => check(runAdapter('dispose-throws.mjs', TWO)));

  it('with --jobs 2', () => check(runAdapter('dispose-throws.mjs', [...TWO, '--jobs', '2'])));
});
