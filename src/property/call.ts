/**
 * How a property asks its adapter for a result: the request as data (the host copies it), with the
 * shape the result must have, so that the host validates it where the adapter runs.
 * @packageDocumentation
 */
import { GRADIENT_FIELDS, type CallMethod, type GradientField, type ResultShape } from '../host/callRequest.js';
import type { CheckEnv } from './property.js';

/** The shape of an r×c result (`a vector of r` when c = 1). */
export function shapeOf(quantity: string, rows: number, cols: number): ResultShape {
  return { quantity, length: rows * cols, shape: cols === 1 ? `a vector of ${rows}` : `${rows}×${cols}` };
}

/** Marks a promise as handled (its rejection is awaited later), and returns it. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * Calls an array-valued member on the case (with the target's variant). The call is under way when
 * this returns, so the property can compute its expected value meanwhile and await the result after.
 */
export function callArray(
  env: CheckEnv,
  method: Exclude<CallMethod, 'parameterGradients'>,
  kase: object,
  result: ResultShape,
  vector?: Float64Array,
): Promise<Float64Array> {
  const request = { method, case: { ...kase, variant: env.variant }, result, ...(vector !== undefined ? { vector } : {}) };
  return handled(env.call(request) as Promise<Float64Array>);
}

/** Calls parameterGradients on a loss case: ∂L/∂W (n×n), ∂L/∂U (n×m), ∂L/∂b and ∂L/∂x_0 (n). */
export function callGradients(env: CheckEnv, kase: { readonly n: number; readonly m: number }): Promise<Readonly<Record<GradientField, Float64Array>>> {
  const dims: Record<GradientField, [number, number]> = { W: [kase.n, kase.n], U: [kase.n, kase.m], b: [kase.n, 1], x0: [kase.n, 1] };
  const fields = Object.fromEntries(GRADIENT_FIELDS.map((f) => [f, shapeOf(`∂L/∂${f}`, ...dims[f])])) as Record<GradientField, ResultShape>;
  return handled(
    env.call({ method: 'parameterGradients', case: { ...kase, variant: env.variant }, result: { fields } }) as Promise<
      Readonly<Record<GradientField, Float64Array>>
    >,
  );
}
