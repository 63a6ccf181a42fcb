/**
 * Central differences of a forward pass, in float64, exactly as spec rule RJS-TOL-FD defines them:
 * column k of a Jacobian is (f(x⁺) − f(x⁻)) / (2h) with x^± = x ± h·e_k formed in float64 and
 * rounded to the case's dtype (the spec charges that rounding to the forward error), all 2·d
 * perturbed points in one batched run. h is a power of two, so dividing by 2h is exact.
 */
import type { Dtype } from '../../src/contract.js';

/** The step of every finite-difference variant: a power of two, so x ± h is exact for most x. */
export const FD_STEP = 2 ** -12;

/** A value rounded to the dtype the framework computes in. */
function toDtype(x: number, dtype: Dtype): number {
  return dtype === 'float32' ? Math.fround(x) : x;
}

/** The 2d perturbed points as rows (x + h·e_k for k < d, then x − h·e_k), and the divisors 2h. */
export function perturbed(x: ArrayLike<number>, dtype: Dtype, h = FD_STEP): { rows: Float64Array; spans: Float64Array } {
  const d = x.length;
  const rows = new Float64Array(2 * d * d);
  const spans = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    for (let j = 0; j < d; j++) {
      rows[k * d + j] = x[j];
      rows[(d + k) * d + j] = x[j];
    }
    const plus = toDtype(x[k] + h, dtype);
    const minus = toDtype(x[k] - h, dtype);
    rows[k * d + k] = plus;
    rows[(d + k) * d + k] = minus;
    spans[k] = 2 * h;
  }
  return { rows, spans };
}

/** The n×d Jacobian from the 2d output rows (each of length n) of the perturbed points. */
export function differenceQuotients(outputs: ArrayLike<number>, spans: Float64Array, n: number): Float64Array {
  const d = spans.length;
  const J = new Float64Array(n * d);
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < n; i++) J[i * d + k] = (outputs[k * n + i] - outputs[(d + k) * n + i]) / spans[k];
  }
  return J;
}
