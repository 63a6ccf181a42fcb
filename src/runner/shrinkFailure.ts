import type { CaseArbitrary, DrawContext } from '../arbitrary/caseArbitrary.js';
import { sameFailure, type CaseOutcome, type CheckedCase } from './caseOutcome.js';
import type { CaseFailureData } from '../result.js';

/** Why shrinking stopped before the smallest case was certain (see Counterexample.shrinkStopped). */
export type ShrinkStop = 'max-shrinks' | 'timeouts' | 'time-budget';

/** What a shrink needs from the runner. */
export interface ShrinkRun<C> {
  readonly arbitrary: CaseArbitrary<C>;
  /** Checks one candidate (an adapter call). */ check(kase: C): Promise<CaseOutcome>;
  /** Why to stop now, if anything (budget, timeouts, deadline). */ stop(calls: number): ShrinkStop | undefined;
}

/** The smallest failure found, the shrink steps to it, and what shrinking cost. */
export interface Shrunk<C> {
  readonly value: CheckedCase<C>['value'];
  readonly failure: CaseFailureData;
  /** Index of the accepted candidate at each step (the replay path after the case index). */ readonly steps: readonly number[];
  /** Candidates checked (adapter calls). */ readonly calls: number;
  readonly stopped?: ShrinkStop;
}

/**
 * Entry by entry simplification is worth its calls only for wrong values: a throw, a timeout, a
 * non-finite, misshapen or written-into result rarely depends on them, so those shrink in size,
 * activation and whole fields only.
 */
function shrinksEntries(f: CaseFailureData): boolean {
  return f.kind === 'mismatch';
}

/**
 * Greedy shrinking (RJS-GEN-8): take the first candidate that fails the same way, then go on from
 * its stream (which resumes where that candidate was found), until no candidate fails.
 */
export async function shrinkFailure<C>(first: CheckedCase<C> & { outcome: { ok: false } }, r: ShrinkRun<C>): Promise<Shrunk<C>> {
  let value = first.value;
  let failure = first.outcome.failure;
  const steps: number[] = [];
  let calls = 0;
  const entries = shrinksEntries(failure);
  outer: for (;;) {
    let index = 0;
    // Without entries the stream is the prefix of the full one (sizes, activation, whole fields), so
    // the indices of a replay path are the same either way.
    for (const candidate of r.arbitrary.candidates(value.context as DrawContext, entries)) {
      const stopped = r.stop(calls);
      if (stopped !== undefined) return { value, failure, steps, calls, stopped };
      calls++;
      const o = await r.check(candidate.value);
      if (!o.ok && sameFailure(failure, o.failure)) {
        value = candidate;
        failure = o.failure;
        steps.push(index);
        continue outer;
      }
      index++;
    }
    return { value, failure, steps, calls };
  }
}

/**
 * The case a replay path names: case `index` of the run, then the accepted candidate of each step
 * (candidate streams are deterministic, so no adapter call is needed to walk it).
 */
export function walkPath<C>(arbitrary: CaseArbitrary<C>, start: CheckedCase<C>['value'], steps: readonly number[]): CheckedCase<C>['value'] {
  let value = start;
  for (const [k, step] of steps.entries()) {
    let i = 0;
    let found: typeof value | undefined;
    for (const candidate of arbitrary.candidates(value.context as DrawContext, true)) {
      if (i++ === step) {
        found = candidate;
        break;
      }
    }
    if (found === undefined)
      throw new RangeError(`replay path step ${k + 2} is ${step}, but that case has only ${i} shrink candidates: copy the Replay line of a report as printed`);
    value = found;
  }
  return value;
}
