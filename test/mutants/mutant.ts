/**
 * The shape of a mutant adapter and the helpers the mutants share: each mutant is the reference
 * adapter with one member (for a few, every member) replaced by a plausible wrong implementation.
 * @packageDocumentation
 */
import createReferenceAdapter from '../../adapters/reference/index.js';
import { refActivation, type RefActivation } from '../../adapters/reference/functions.js';
import { map, mm, tr, type Round } from '../../adapters/reference/linalg.js';
import { refModel, refStep, type RefModel, type RefStep } from '../../adapters/reference/recurrence.js';
import type { Adapter, Dtype, StepCase } from '../../src/contract.js';
import type { CaseFailureData } from '../../src/result.js';
import type { PropertyId } from '../../src/property/property.js';

/**
 * Where the suite falls short on a mutant today. The test accepts the observed value as well as the
 * ideal one (so a fix of the suite does not break it) and prints the note.
 */
export interface KnownGap {
  /** Why the suite falls short, for the project notes. */ readonly note: string;
  /** Diagnosis the suite gives today in place of {@link Mutant.diagnosis}. */ readonly diagnosis?: string;
  /** Largest n the `killedBy` counterexamples shrink to today, when they do not reach the smallest failing n. */ readonly n?: number;
}

/** A wrong adapter that a default run must kill (or, with a `survives` note, a finding that it does not). */
export interface Mutant {
  /** Stable ID; the run's adapter spec is `mutant:<id>`. */ readonly id: string;
  /** The bug, in a framework maintainer's words. */ readonly description: string;
  /** Creates a fresh adapter with the bug. */ create(): Adapter;
  /** Properties that must catch it: at least one of them fails. */ readonly killedBy: readonly PropertyId[];
  /** Diagnosis ID expected among the failing results' counterexamples, when one is expected. */ readonly diagnosis?: string;
  /** Failure kind expected among the failing results (default: any). */ readonly kind?: CaseFailureData['kind'];
  /** Hidden size n the counterexamples of the `killedBy` properties must shrink to, when it is known. */ readonly shrunkN?: number;
  /** A shortfall of the suite that this mutant exposes, if any. */ readonly gap?: KnownGap;
  /**
   * Why a default run does not kill it: a finding about the suite, kept with the mutant unweakened. The
   * test checks that it still survives, so that a change of the suite that kills it updates this entry.
   */
  readonly survives?: string;
  /** The dtype the fast test runs in (the bug is dtype-independent); undefined runs the adapter's dtypes. */ readonly dtype?: Dtype;
}

/** The reference adapter, created synchronously (its factory never returns a promise). */
export function reference(): Adapter {
  const a = createReferenceAdapter({});
  if (a instanceof Promise) throw new Error('the reference adapter factory returned a promise');
  return a;
}

/** The reference adapter with some members replaced, renamed `mutant:<id>`. */
export function mutate(id: string, override: (ref: Adapter) => Partial<Adapter>): () => Adapter {
  return () => {
    const ref = reference();
    return { ...ref, ...override(ref), name: `mutant:${id}` };
  };
}

/** One reference step of a step case, with σ' where the form takes it (x_{t−1} for pascanu, a_t for elman). */
export function stepOf(c: StepCase, act?: RefActivation): { M: RefModel; s: RefStep; slope: Float64Array } {
  const base = refModel(c);
  const M = act === undefined ? base : { ...base, act };
  const s = refStep(M, c.x, c.u);
  return { M, s, slope: s.gate ?? map(c.x, M.act.df, M.rd) };
}

/** The case's activation with σ' replaced (σ unchanged). */
export function withDerivative(c: StepCase, df: (x: number, act: RefActivation) => number): RefActivation {
  const act = refActivation(c.activation.name, c.activation.alpha);
  return { f: act.f, df: (x) => df(x, act) };
}

/** diag(d)·A (`rows`) or A·diag(d) (`cols`) for an n×n A, rounded. */
export function scale(A: ArrayLike<number>, d: ArrayLike<number>, n: number, side: 'rows' | 'cols', rd: Round): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = rd(A[i * n + j] * d[side === 'rows' ? i : j]);
  return out;
}

/** Which side σ' multiplies W on in the correct step Jacobian: columns for pascanu, rows for elman. */
export function slopeSide(c: StepCase): 'rows' | 'cols' {
  return c.form === 'elman' ? 'rows' : 'cols';
}

/** J·v (or Jᵀ·v with `transposed`) of an n×n J, rounded. */
export function apply(J: ArrayLike<number>, v: ArrayLike<number>, n: number, rd: Round, transposed = false): Float64Array {
  return mm(transposed ? tr(J, n, n) : J, v, n, n, 1, rd);
}
