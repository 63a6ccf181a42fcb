import type { PropertyResult, RunResult } from '../result.js';

/**
 * Whether a result fails the run: a failure no expectation lists, a listed unit that failed in
 * another way than listed, or a listed failure that passed.
 * @param r - a property result
 */
export function failsRun(r: PropertyResult): boolean {
  return r.expectation === undefined ? r.verdict === 'fail' : r.expectation.outcome !== 'expected-failure';
}

/**
 * Whether a run gives no verdict (exit 2) whatever its units say: faults outside any case, or, for a
 * run that was not interrupted, no case checked at all. One rule for the exit code and every report.
 */
export function givesNoVerdict(r: RunResult): boolean {
  return (r.faults?.length ?? 0) > 0 || (r.interrupted !== true && r.summary.cases === 0);
}

/**
 * The summary of a run's results: verdict counts and cases, and with `expectations` the outcomes an
 * expectation file gave them. One counting for run(), applyExpectations() and mergeReports().
 * @param results - the results
 * @param expectations - whether an expectation file was applied
 */
export function summarize(results: readonly PropertyResult[], expectations = false): RunResult['summary'] {
  const count = (p: (r: PropertyResult) => boolean) => results.filter(p).length;
  return {
    pass: count((r) => r.verdict === 'pass'),
    fail: count((r) => r.verdict === 'fail'),
    notApplicable: count((r) => r.verdict === 'not-applicable'),
    cases: results.reduce((s, r) => s + r.cases, 0),
    ...(expectations
      ? {
          expectedFailures: count((r) => r.expectation?.outcome === 'expected-failure'),
          unexpectedPasses: count((r) => r.expectation?.outcome === 'unexpected-pass'),
          unexpectedFailures: count((r) => r.expectation?.outcome === 'unexpected-failure'),
        }
      : {}),
  };
}
