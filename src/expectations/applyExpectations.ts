import type { PropertyResult, RunResult } from '../runner/result.js';
import { failsRun, summarize } from '../runner/summarize.js';
import { SELECTORS, type Expectation } from './expectation.js';

/** Whether every selector of `e` admits the result (a missing selector admits anything). */
function matches(e: Expectation, r: PropertyResult): boolean {
  const value = { property: r.property, adapter: r.target.adapter, backend: r.target.backend, variant: r.target.variant, dtype: r.target.dtype };
  return SELECTORS.every((k) => e[k] === undefined || (value[k] !== undefined && e[k]!.includes(value[k]!)));
}

/**
 * Marks the results an expectation file speaks of: a failure it lists becomes an
 * `expected-failure`, a pass it lists an `unexpected-pass`; not-applicable results and results no
 * entry matches are left as they are. Verdicts never change: the reports still say what happened.
 * The summary gains the two counts, and the options the file name.
 * @param result - the run
 * @param expectations - the parsed file
 * @param source - its path, for the reports
 * @returns the run with the outcomes recorded
 */
export function applyExpectations(result: RunResult, expectations: readonly Expectation[], source: string): RunResult {
  const results = result.results.map((r): PropertyResult => {
    if (r.verdict === 'not-applicable') return r;
    const e = expectations.find((x) => matches(x, r));
    if (e === undefined) return r;
    return { ...r, expectation: { outcome: r.verdict === 'fail' ? 'expected-failure' : 'unexpected-pass', reason: e.reason } };
  });
  return { ...result, options: { ...result.options, expectations: source }, results, summary: summarize(results, true) };
}

/**
 * The results that fail the run: failures no expectation lists, and expected failures that passed.
 * @param result - the run, with or without expectations applied
 * @returns those results, in report order
 */
export function failingResults(result: RunResult): PropertyResult[] {
  return result.results.filter(failsRun);
}

/**
 * What the reports add to a result an expectation file speaks of, in words a maintainer can act on.
 * @param r - a property result
 * @returns the note, or undefined when no expectation matched it
 */
export function expectationNote(r: PropertyResult): string | undefined {
  const e = r.expectation;
  if (e === undefined) return undefined;
  return e.outcome === 'expected-failure'
    ? `expected failure: ${e.reason}`
    : `passed, but the expectation file lists it as a failure (${e.reason}): remove that entry`;
}
