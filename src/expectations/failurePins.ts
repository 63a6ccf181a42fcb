/**
 * The pins of an expectation (`kind`, `diagnosis`): which failure of a selected unit it admits, and
 * how the reports word what was expected and what happened.
 * @packageDocumentation
 */
import type { ExpectedFailure, ObservedFailure, PropertyResult } from '../result.js';
import type { Expectation } from './expectation.js';

/**
 * The failure of a failing result, as the pins see it.
 * @param r - a failing property result
 */
export function observedFailure(r: PropertyResult): ObservedFailure {
  const f = r.counterexample?.failure;
  return { ...(f !== undefined ? { kind: f.kind } : {}), ...(f?.diagnosis !== undefined ? { diagnosis: f.diagnosis.id } : {}) };
}

/**
 * Whether the pins of `e` admit a failure: a missing pin admits anything; a failure without a
 * diagnosis (or without a counterexample) is admitted only by an entry without that pin.
 * @param e - an entry, or what it expected
 * @param f - the failure
 */
export function admits(e: Expectation | ExpectedFailure, f: ObservedFailure): boolean {
  return (
    (e.kind === undefined || (f.kind !== undefined && e.kind.includes(f.kind))) &&
    (e.diagnosis === undefined || (f.diagnosis !== undefined && e.diagnosis.includes(f.diagnosis)))
  );
}

/**
 * What an entry expected: its pins and reason, for the report.
 * @param e - an entry
 */
export function expectedFailure(e: Expectation): ExpectedFailure {
  return { ...(e.kind !== undefined ? { kind: e.kind } : {}), ...(e.diagnosis !== undefined ? { diagnosis: e.diagnosis } : {}), reason: e.reason };
}

/**
 * The pins of the entries in words, e.g. `kind mismatch, diagnosis inaccurate or reduced-precision (issue 12)`;
 * several entries are joined by `, or `.
 * @param expected - what the selecting entries expected
 */
export function describeExpected(expected: readonly ExpectedFailure[]): string {
  return expected
    .map((e) => {
      const pins = [e.kind && `kind ${e.kind.join(' or ')}`, e.diagnosis && `diagnosis ${e.diagnosis.join(' or ')}`].filter((p) => p !== undefined);
      return `${pins.length > 0 ? pins.join(', ') : 'any failure'} (${e.reason})`;
    })
    .join(', or ');
}

/**
 * A failure in words: `kind threw, diagnosis none`, or `no counterexample recorded`.
 * @param f - the failure
 */
export function describeObserved(f: ObservedFailure): string {
  return f.kind === undefined ? 'no counterexample recorded' : `kind ${f.kind}, diagnosis ${f.diagnosis ?? 'none'}`;
}
