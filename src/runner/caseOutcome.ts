import type fc from 'fast-check';
import { CaseFailure } from '../check/caseFailure.js';
import type { CaseFailureData } from '../result.js';

/** How one checked case ended: its error/tolerance ratio, or its failure. */
export type CaseOutcome = { readonly ok: true; readonly ratio: number } | { readonly ok: false; readonly failure: CaseFailureData };

/** A case with its generation context, and the outcome of its check. */
export interface CheckedCase<C> {
  /** The case and its context (what shrinking starts from). */ readonly value: fc.Value<C>;
  /** Its outcome. */ readonly outcome: CaseOutcome;
}

/**
 * Runs a check and turns a CaseFailure into an outcome; anything else thrown is a defect of
 * rnn-jac-spec itself, re-thrown loudly.
 */
export async function outcomeOf(property: string, check: () => Promise<number>): Promise<CaseOutcome> {
  try {
    return { ok: true, ratio: await check() };
  } catch (e) {
    if (e instanceof CaseFailure) return { ok: false, failure: e.data };
    throw new Error(`internal error of rnn-jac-spec in property ${property}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** Diagnoses that name no wrong form: they describe the error (RJS-DIAG-3), not a cause. */
const NO_FORM = ['unknown', 'inaccurate', 'reduced-precision'];

/**
 * Whether a shrink candidate's failure is the same failure (RJS-GEN-8): the same kind and, for a
 * mismatch, the same wrong form when one was named, or again none (an error that matches no form,
 * however it is described). A smaller case that fails otherwise is a different finding, and taking it
 * would hide the first behind it (or behind an expectation).
 */
export function sameFailure(first: CaseFailureData, candidate: CaseFailureData): boolean {
  if (first.kind !== candidate.kind) return false;
  if (first.kind !== 'mismatch') return true;
  const a = first.diagnosis?.id ?? 'unknown';
  const b = candidate.diagnosis?.id ?? 'unknown';
  // An error read as reduced precision or lost accuracy keeps that reading: a smaller case read otherwise
  // (one entry cannot show a format) would report less than the first failure showed.
  return a === 'unknown' ? NO_FORM.includes(b) : a === b;
}
