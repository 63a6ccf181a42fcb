import type { ExpectationOutcome, PropertyResult, RunResult } from '../result.js';
import { failsRun, summarize } from '../runner/summarize.js';
import { SELECTORS, type Expectation } from './expectation.js';
import { admits, describeExpected, describeObserved, expectedFailure, observedFailure } from './failurePins.js';

/** Whether every selector of `e` admits the result's property × target (a missing selector admits anything). */
function matches(e: Expectation, r: PropertyResult): boolean {
  const value = { property: r.property, adapter: r.target.adapter, backend: r.target.backend, variant: r.target.variant, dtype: r.target.dtype };
  return SELECTORS.every((k) => e[k] === undefined || (value[k] !== undefined && e[k]!.includes(value[k]!)));
}

/** What the entries that select a failing or passing result make of it. */
function outcome(selecting: readonly Expectation[], r: PropertyResult): ExpectationOutcome {
  if (r.verdict === 'pass') return { outcome: 'unexpected-pass', reason: selecting[0].reason };
  const actual = observedFailure(r);
  const e = selecting.find((x) => admits(x, actual));
  if (e !== undefined) return { outcome: 'expected-failure', reason: e.reason };
  return { outcome: 'unexpected-failure', reason: selecting[0].reason, expected: selecting.map(expectedFailure), actual };
}

/** One result as {@link applyExpectations} marks it (the live table marks each as its unit ends). */
export function markResult(r: PropertyResult, expectations: readonly Expectation[]): PropertyResult {
  if (r.verdict === 'not-applicable') return r;
  const selecting = expectations.filter((x) => matches(x, r));
  return selecting.length === 0 ? r : { ...r, expectation: outcome(selecting, r) };
}

/**
 * Marks the results an expectation file speaks of: a failure that an entry selects and whose kind
 * and diagnosis its pins admit becomes an `expected-failure`; a failure that entries select but none
 * admits an `unexpected-failure`; a pass that an entry selects an `unexpected-pass`. Not-applicable
 * results and results no entry selects are left as they are. Verdicts never change: the reports
 * still say what happened. The summary gains the three counts, and the options the file name.
 * @param result - the run
 * @param expectations - the parsed file
 * @param source - its path, for the reports
 * @returns the run with the outcomes recorded
 */
export function applyExpectations(result: RunResult, expectations: readonly Expectation[], source: string): RunResult {
  const results = result.results.map((r) => markResult(r, expectations));
  return { ...result, options: { ...result.options, expectations: source }, results, summary: summarize(results, true) };
}

/**
 * The results that fail the run: failures no expectation lists or admits, and expected failures that passed.
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
  if (e.outcome === 'expected-failure') return `expected failure: ${e.reason}`;
  if (e.outcome === 'unexpected-pass') return `passed, but the expectation file lists it as a failure (${e.reason}): remove that entry`;
  return `a new failure: the expectation file expects ${describeExpected(e.expected)}; this failure is ${describeObserved(e.actual)}`;
}
