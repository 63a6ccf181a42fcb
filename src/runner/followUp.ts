import { followUpCase } from '../arbitrary/followUpCase.js';
import type { CaseOutcome } from './caseOutcome.js';
import type { CaseFailureData, Diagnosis } from '../result.js';
import { serializeCase } from './serializeCase.js';

/** What a follow-up needs: the adapter's activations, the target's variant, how to check a case, and the property. */
export interface FollowUpOptions {
  readonly activations: readonly string[];
  readonly variant: string | undefined;
  readonly check: (kase: unknown) => Promise<CaseOutcome>;
  /** The property: a kink case keeps its kinks, so it gets no precision follow-up. */ readonly property?: string;
}

/**
 * When the shrunk case matched several wrong forms, checks one discriminating follow-up case
 * (RJS-DIAG-6, arbitrary/followUpCase.ts) and names the tied form that it alone matches. The
 * failure is returned with its diagnosis updated and the follow-up recorded; unchanged when there
 * was no tie or no follow-up can be built. The follow-up decides nothing but the name: the verdict
 * and the counterexample stay those of the shrunk case.
 */
export async function followUp(failure: CaseFailureData, kase: unknown, o: FollowUpOptions): Promise<CaseFailureData> {
  const d = failure.diagnosis;
  if (failure.kind === 'mismatch' && d !== undefined && PRECISION.includes(d.id) && (d.alsoMatches ?? []).length === 0 && o.property !== 'kink-subgradient')
    return precisionFollowUp(failure, d, kase, o);
  if (failure.kind !== 'mismatch' || d === undefined || d.alsoMatches === undefined || d.alsoMatches.length === 0) return failure;
  const next = followUpCase(kase, o.activations);
  if (next === undefined) return failure;
  const tied = [d.id, ...d.alsoMatches];
  const outcome = await o.check(next.case);
  const seen = !outcome.ok && outcome.failure.kind === 'mismatch' ? outcome.failure.diagnosis : undefined;
  const record = { change: next.change, case: serializeCase(next.case, o.variant), tied, ...(seen !== undefined ? { diagnosis: seen.id } : {}) };
  const told = seen !== undefined && tied.includes(seen.id) && !(seen.alsoMatches ?? []).some((id) => tied.includes(id));
  if (!told) {
    const why = seen === undefined ? 'did not fail the same way' : `matched ${[seen.id, ...(seen.alsoMatches ?? [])].join(', ')}`;
    const message = `${d.message}; a follow-up case (${next.change}) ${why}, so the tie stands`;
    return { ...failure, summary: replaceTail(failure.summary, d.message, message), diagnosis: { ...d, message, followUp: record } };
  }
  const others = tied.filter((id) => id !== seen.id);
  const message = `${stripTie(seen.message)}; on the shrunk case it could not be told apart from ${others.join(', ')}, and a follow-up case (${next.change}) matches only this form`;
  const diagnosis: Diagnosis = {
    id: seen.id,
    message,
    ...(seen.formula !== undefined ? { formula: seen.formula } : {}),
    ...(seen.also !== undefined ? { also: seen.also } : {}),
    followUp: record,
  };
  return { ...failure, summary: replaceTail(failure.summary, d.message, message), diagnosis };
}

/** Readings that say the formula is right and the arithmetic loses accuracy (RJS-DIAG-3). */
const PRECISION = ['reduced-precision', 'inaccurate'];

/**
 * RJS-DIAG-7: a precision reading is a claim about the arithmetic, and a wrong formula whose effect
 * vanishes where the shrunk case sits (states near 0, where 1 − tanh x and 1 − tanh² x differ by about x)
 * reads the same. So the case is checked once more with its states moved to distinct values away from
 * 0 (the case of RJS-DIAG-6, with the case's own σ); when that fails with an error that reads as neither
 * precision nor lost accuracy, the reading is withdrawn: the one wrong form the follow-up matches names
 * the failure, and without one the failure matches no known form.
 */
async function precisionFollowUp(failure: CaseFailureData, d: Diagnosis, kase: unknown, o: FollowUpOptions): Promise<CaseFailureData> {
  const next = followUpCase(kase, o.activations, { ownActivation: true });
  if (next === undefined) return failure;
  const outcome = await o.check(next.case);
  const seen = !outcome.ok && outcome.failure.kind === 'mismatch' ? outcome.failure.diagnosis : undefined;
  if (seen === undefined || PRECISION.includes(seen.id)) return failure;
  const followUp = { change: next.change, case: serializeCase(next.case, o.variant), tied: [d.id], diagnosis: seen.id };
  if (seen.id !== 'unknown' && (seen.alsoMatches ?? []).length === 0) {
    // The follow-up matches one wrong form and no other: that form names the failure, as in RJS-DIAG-6.
    const named = `${seen.message}; on the shrunk case the error reads as ${d.id}, and a follow-up case with the states away from 0 (${next.change}) matches only this form`;
    const diagnosis: Diagnosis = {
      id: seen.id,
      message: named,
      ...(seen.formula !== undefined ? { formula: seen.formula } : {}),
      ...(seen.also !== undefined ? { also: seen.also } : {}),
      followUp,
    };
    return { ...failure, summary: replaceTail(failure.summary, d.message, named), diagnosis };
  }
  const message = `the result matches no known wrong form: on the shrunk case it reads as ${d.id}, but a follow-up case with the states away from 0 (${next.change}) fails with errors that read as ${seen.id}; a wrong formula whose error vanishes near 0 reads as lost accuracy there, so the error is not lost accuracy alone`;
  const diagnosis: Diagnosis = { id: 'unknown', message, followUp };
  return { ...failure, summary: replaceTail(failure.summary, d.message, message), diagnosis };
}

/** The summary with its trailing diagnosis message replaced (the summary ends with it). */
function replaceTail(summary: string, old: string, next: string): string {
  return summary.endsWith(old) ? summary.slice(0, summary.length - old.length) + next : `${summary}; ${next}`;
}

/** A message without its "(on this case it cannot be told apart from …)" clause. */
function stripTie(message: string): string {
  return message.replace(/ \(on this case it cannot be told apart from: [^)]*\)$/, '');
}
