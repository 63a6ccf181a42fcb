/**
 * What crosses the boundary between the runner and the adapter host: one call of an adapter member
 * as plain data (it is copied into the host, so the adapter can never alter the case the suite
 * checks against), and its outcome (numbers already validated, or the failure of the case).
 * @packageDocumentation
 */
import { CAPABILITIES } from '../contract.js';
import type { CaseFailureData } from '../result.js';

/** The adapter members a property calls: stepJacobian and the capabilities. */
export const CALL_METHODS = ['stepJacobian', ...CAPABILITIES] as const;
/** An adapter member a property calls. */
export type CallMethod = (typeof CALL_METHODS)[number];

/** The names of the four gradients of `parameterGradients`, in report order. */
export const GRADIENT_FIELDS = ['W', 'U', 'b', 'x0'] as const;
/** One of them. */
export type GradientField = (typeof GRADIENT_FIELDS)[number];

/** What one returned array must be: its length, and the words a failure uses for it. */
export interface ResultShape {
  /** The quantity, e.g. `∂x_t/∂x_{t-1}` (failure messages name it). */ readonly quantity: string;
  /** Number of entries. */ readonly length: number;
  /** The shape in words, e.g. `3×3` or `a vector of 3`. */ readonly shape: string;
}

/** One adapter call. */
export interface CallRequest {
  /** The member to call. */ readonly method: CallMethod;
  /** The case it gets (a StepCase, SequenceCase or LossCase, with its variant). */ readonly case: Readonly<Record<string, unknown>>;
  /** The second argument of `vjp` (v) and `jvp` (w). */ readonly vector?: Float64Array;
  /** What the result must be: one array, or (`parameterGradients`) one per gradient. */
  readonly result: ResultShape | { readonly fields: Readonly<Record<GradientField, ResultShape>> };
}

/** The value of a successful call: the array, or the four gradients. */
export type CallValue = Float64Array | Readonly<Record<GradientField, Float64Array>>;

/** How one call ended. */
export type CallOutcome =
  | { readonly ok: true; readonly value: CallValue /** Time inside the adapter member, ms. */; readonly adapterMs: number }
  | { readonly ok: false; readonly failure: CaseFailureData; readonly adapterMs?: number };
