import type { CaseFailureData, MatrixData } from '../src/result.js';
import type { Dtype } from '../src/contract.js';

/** A counterexample's case as a report holds it (or as the runner gives it, with typed arrays). */
export interface SigmaCase {
  readonly n: number;
  readonly m: number;
  readonly T?: number;
  readonly form: string;
  readonly activation: { readonly name: string; readonly alpha?: number };
  readonly W: ArrayLike<number>;
  readonly U: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  /** One-step cases: x_{t−1} and u_t. */ readonly x?: ArrayLike<number>;
  readonly u?: ArrayLike<number>;
  /** Sequence cases: x_0 and u_1 … u_T (T×m). */ readonly x0?: ArrayLike<number>;
  readonly us?: ArrayLike<number>;
}

/** See findingPredicates.mjs. */
export function flushedToZero(failure: CaseFailureData | undefined, dtype: Dtype): boolean;
/** See findingPredicates.mjs. */
export function slightlyOff(failure: CaseFailureData | undefined, rel?: number): boolean;
/** See findingPredicates.mjs. */
export function sigmaArguments(c: SigmaCase): number[];
/** See findingPredicates.mjs. */
export function sigmaEvaluatedIn(c: SigmaCase, lo: number, hi: number): boolean;
/** See findingPredicates.mjs. */
export function sigmaEvaluatedNearZero(c: SigmaCase, bound: number): boolean;
/** See findingPredicates.mjs. */
export const CANCELLATION_BOUND: number;
/** See findingPredicates.mjs. */
export function evaluatesCancellation(c: SigmaCase): boolean;
/** See findingPredicates.mjs. */
export const WGSL_EXP_LIMIT: number;
/** See findingPredicates.mjs. */
export function evaluatesWgslExpTail(c: SigmaCase, property: string): boolean;
/** See findingPredicates.mjs. */
export function accuracyLoss(failure: CaseFailureData | undefined): boolean;
/** See findingPredicates.mjs. */
export function loneInaccurateEntry(failure: CaseFailureData | undefined): boolean;
export function loneEntry(failure: CaseFailureData | undefined): boolean;

/** Whether a failure's actual n×n matrix is its expected one transposed, entry by entry within tolerance. */
export function isTransposeOf(actual?: MatrixData, expected?: MatrixData, tolerance?: MatrixData): boolean;
