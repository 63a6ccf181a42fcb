/**
 * validateReport: a report as rnn-jac-spec writes it passes; anything else is refused with one line
 * naming the JSON pointer of the first offending value and what it must be, and a report of another
 * version with which rnn-jac-spec wrote it.
 */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { InvalidReportError, validateReport } from '../../src/report/validateReport.js';
import { minimalResult, sampleResult } from './sampleResult.js';

/** A parsed report that the cases below break on purpose: any member may be deleted or overwritten. */
// biome-ignore lint/suspicious/noExplicitAny: the cases write wrong types into members of a parsed JSON report
type Loose = any;

/** The sample report as the JSON file holds it. */
function sample(): Loose {
  return JSON.parse(renderJson(sampleResult()));
}

/** The message validateReport refuses `value` with ('' when it accepts it). */
function refusal(value: unknown): string {
  try {
    validateReport(value);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidReportError);
    return (e as Error).message;
  }
}

describe('validateReport', () => {
  it('accepts the reports rnn-jac-spec writes, and returns them', () => {
    const r = sample();
    expect(validateReport(r)).toBe(r);
    expect(refusal(JSON.parse(renderJson(minimalResult())))).toBe('');
    expect(refusal({ ...sample(), options: { ...sample().options, shard: { index: 1, count: 2, units: 4 } } })).toBe('');
  });

  /** The index of the sample's first failing result. */
  const FAILING = sample().results.findIndex((x: { verdict: string }) => x.verdict === 'fail');

  /** [what, change to the sample, the message]. */
  const CASES: readonly [string, (r: Loose) => unknown, string | RegExp][] = [
    ['a missing member', (r) => (delete r.options, r), '/options is missing'],
    [
      'a missing nested member',
      (r) => (delete r.results[FAILING].counterexample.failure.kind, r),
      `/results/${FAILING}/counterexample/failure/kind is missing`,
    ],
    ['null in results', (r) => ({ ...r, results: [null] }), '/results/0 must be an object (got null)'],
    ['an extra member', (r) => ({ ...r, extra: 1 }), '/extra is not a member of the report format'],
    ['a wrong type', (r) => ((r.options.runs = '10'), r), '/options/runs must be an integer (got "10")'],
    ['a fraction for an integer', (r) => ((r.summary.cases = 1.5), r), '/summary/cases must be an integer (got 1.5)'],
    ['a negative count', (r) => ((r.summary.pass = -1), r), '/summary/pass must be >= 0 (got -1)'],
    ['an unknown verdict', (r) => ((r.results[0].verdict = 'passed'), r), '/results/0/verdict must be one of "pass", "fail", "not-applicable" (got "passed")'],
    [
      'a misspelt non-finite number',
      (r) => ((r.results[0].maxRatio = 'nan'), r),
      '/results/0/maxRatio must be a number or one of "NaN", "Infinity", "-Infinity" (got "nan")',
    ],
    ['a start that is no date', (r) => ((r.startedAt = 'yesterday'), r), '/startedAt must be a date-time (got "yesterday")'],
    ['another tool', (r) => ((r.tool.name = 'other'), r), '/tool/name must be "rnn-jac-spec" (got "other")'],
    ['a short histogram', (r) => ((r.results[0].ratioHistogram = [1, 2]), r), '/results/0/ratioHistogram must have at least 9 items (got 2)'],
    ['a version as a string', (r) => ((r.reportVersion = '2'), r), '/reportVersion must be 2 (got "2")'],
    ['an array', () => [], 'the report must be an object (got an array)'],
    ['null', () => null, 'the report must be an object (got null)'],
    ['an empty object', () => ({}), '/reportVersion is missing'],
    ['a member name to escape', (r) => ({ ...r, 'a/b~c': 1 }), '/a~1b~0c is not a member of the report format'],
  ];

  it.each(CASES)('refuses %s, naming the field', (_what, change, message) => {
    const m = refusal(change(sample()));
    if (typeof message === 'string') expect(m).toBe(message);
    else expect(m).toMatch(message);
    expect(m).not.toContain('\n');
  });

  it('says that a report of another version comes from another rnn-jac-spec', () => {
    expect(refusal({ ...sample(), reportVersion: 1 })).toMatch(
      /^reportVersion 1 is from an older rnn-jac-spec \(this one reads version 2\): the report must be regenerated/,
    );
    expect(refusal({ reportVersion: 1, results: [] })).toMatch(/^reportVersion 1 is from an older rnn-jac-spec/);
    expect(refusal({ ...sample(), reportVersion: 3 })).toMatch(/^reportVersion 3 is from a newer rnn-jac-spec/);
  });
});
