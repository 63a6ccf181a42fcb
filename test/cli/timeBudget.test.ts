/**
 * --time-budget and --unit-time-budget: a unit that spends its share stops generating after the
 * cases it checked (at least one), says so in every report, and its verdict covers those cases (a
 * case counted after the stop that fails fails the unit); a failure found first is still reported,
 * and shrinking it stops at the budget too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duration } from '../../src/cli/cliOptions.js';
import { validateReport } from '../../src/report/validateReport.js';
import { cli, ensureBuilt, fixture, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

describe('durations', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['1.5m', 90_000],
    ['1h', 3_600_000],
    ['250ms', 250],
  ])('%s is %d ms', (raw, ms) => {
    expect(duration('time-budget', raw)).toBe(ms);
  });
  it.each(['', 'soon', '-5s', '0', '9d'])("'%s' is refused with the forms it takes", (raw) => {
    expect(() => duration('time-budget', raw)).toThrow(/takes a duration such as 90s, 15m or 1h/);
  });
});

describe('a run at its budget', () => {
  it('--unit-time-budget: every unit runs, stops after the cases it checked, and every report says so', () => {
    const dir = reportDir();
    // 10^6 reference cases take far longer than 200 ms per unit.
    const r = cli([
      '--adapter',
      'reference',
      '--properties',
      'step-jacobian,sequence-jacobian',
      '--runs',
      '1000000',
      '--unit-time-budget',
      '200ms',
      '--report',
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = readReport(dir);
    // The report, marks and budgets included, is what specs/report.schema.json describes.
    expect(() => validateReport(JSON.parse(readFileSync(join(dir, 'rnn-jac-spec.json'), 'utf8')))).not.toThrow();
    expect(report.options.unitTimeBudgetMs).toBe(200);
    expect(report.results).toHaveLength(4);
    for (const u of report.results) {
      expect(u.verdict).toBe('pass');
      expect(u.stoppedAtBudget).toBe(true);
      expect(u.cases).toBeGreaterThan(0);
      expect(u.cases).toBeLessThan(1_000_000);
    }
    expect(r.stdout).toMatch(
      /Stopped at the time budget \(each verdict covers the cases it checked\):\n {2}step-jacobian on reference\/js\/default\/float64: stopped at the time budget after \d+ of 1000000 cases/,
    );
    expect(readFileSync(join(dir, 'rnn-jac-spec.md'), 'utf8')).toMatch(/pass \(stopped at the time budget after \d+ of 1000000 cases\)/);
    expect(readFileSync(join(dir, 'rnn-jac-spec.junit.xml'), 'utf8')).toMatch(/<system-out>stopped at the time budget after \d+ of 1000000 cases/);
  });

  it('--time-budget shares the run out among the units, and a wrong adapter still fails', () => {
    const dir = reportDir();
    const started = Date.now();
    const r = cli([
      '--adapter',
      './examples/transposed-adapter.mjs',
      '--properties',
      'step-jacobian,input-jacobian',
      '--runs',
      '1000000',
      '--time-budget',
      '2s',
      '--report',
      dir,
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const report = readReport(dir);
    expect(report.options.timeBudgetMs).toBe(2000);
    expect(report.results.some((u) => u.verdict === 'fail' && u.counterexample?.failure.kind === 'mismatch')).toBe(true);
  });

  it('a case counted after the stop that fails fails the unit: the verdict covers every case it counts', () => {
    const dir = reportDir();
    // The first case spends the 1 ms budget; the cases already under way (right after it) are wrong.
    const r = cli(['--adapter', fixture('wrong-after-first.mjs'), '--properties', 'step-jacobian', '--time-budget', '1ms', '--report', dir]);
    expect(r.status, r.stdout).toBe(1);
    const [u] = readReport(dir).results;
    expect(u.verdict).toBe('fail');
    expect(u.counterexample?.failure.kind).toBe('mismatch');
    expect(u.counterexample?.failure.diagnosis?.id).toBe('transpose-W');
  });
});
