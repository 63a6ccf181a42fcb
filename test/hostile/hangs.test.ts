/**
 * Hangs end: a call that never returns (a synchronous loop, a promise that never settles) is a
 * `timeout` failure and a unit stops shrinking after three timeouts; a factory or info() that never
 * returns is an exit 2 soon after --timeout; an absurd --replay path is refused at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectNoReports, expectReportSet, expectStartFault, failed, failureOf, removeReportDirs, runAdapter, runCli } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** At most three timed-out calls per unit, plus start-up and restarts. */
const bound = (timeoutMs: number, units: number): number => 3 * timeoutMs * units + 8000;

describe('calls that never return', () => {
  it('a synchronous infinite loop is a timeout, and the run ends', () => {
    const r = runAdapter('sync-loop.mjs', ['--timeout', '500', '--properties', 'step-jacobian', '--runs', '5']);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('timeout');
    expect(f.summary).toContain('did not return within 500 ms');
    expect(r.ms).toBeLessThan(bound(500, 1));
  });

  it('every call hanging on two properties: each unit stops shrinking after 3 timeouts', () => {
    const r = runAdapter('all-hang.mjs', ['--timeout', '500', '--properties', 'step-jacobian,input-jacobian', '--runs', '5']);
    expect(r.status, r.stderr).toBe(1);
    const report = expectReportSet(r.dir);
    const units = failed(report);
    expect(units.map((p) => p.property)).toEqual(['step-jacobian', 'input-jacobian']);
    for (const u of units) {
      expect(u.counterexample?.failure.kind).toBe('timeout');
      expect(u.counterexample?.shrinkStopped).toBe('timeouts');
    }
    expect(r.ms).toBeLessThan(bound(500, units.length));
  });

  it('hangs mixed with quick failures: the unit stops after 3 timeouts in all, not only in a row', () => {
    // Each host restart resets the module's call count, so the calls after a restart hang at the
    // second call again: timeouts never come three in a row.
    const r = runAdapter('hang-every-other.mjs', ['--timeout', '500', '--properties', 'step-jacobian', '--runs', '20']);
    expect(r.status, r.stderr).toBe(1);
    const u = failed(expectReportSet(r.dir))[0];
    expect(u.counterexample?.shrinkStopped).toBe('timeouts');
    expect(r.ms).toBeLessThan(bound(500, 1));
  });
});

describe('an adapter that never starts exits 2 soon after --timeout', () => {
  for (const [name, what] of [
    ['factory-hangs-live.mjs', 'a factory that never resolves, with a live interval'],
    ['factory-hangs.mjs', 'a factory that never resolves, with no live handle'],
    ['info-hangs.mjs', 'an info() that never resolves'],
  ] as const) {
    it(what, () => {
      const r = runAdapter(name, ['--timeout', '1000', '--properties', 'step-jacobian', '--runs', '5']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('did not start within');
      expect(r.ms).toBeLessThan(1000 + 5000);
      expectStartFault(r.dir);
    });
  }
});

describe('--replay', () => {
  it('an absurd path is a usage error, without a stack trace', () => {
    const r = runCli(['--adapter', 'reference', '--replay', '1:99999999999999']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--replay path');
    expect(r.stderr).not.toContain('    at ');
    expectNoReports(r.dir);
  });
});
