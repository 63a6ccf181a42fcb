import type { Dtype } from '../contract.js';
import type { Precision } from '../bound/bounded.js';
import { specDocument } from '../spec/specDocument.js';

/** Unit roundoff of a dtype, from specs/spec.json (2⁻²⁴ for float32, 2⁻⁵³ for float64). */
export function unitRoundoff(dtype: Dtype): number {
  return specDocument().tolerance.unitRoundoff[dtype];
}

/**
 * The precision the expected value's bound is computed for (RJS-TOL-1): the adapter's rounding
 * (u_dtype) plus our own float64 evaluation of the expected value (u_float64), so that a float64
 * adapter is not held to an error our own computation cannot promise.
 */
export function comparisonPrecision(dtype: Dtype): Precision {
  const t = specDocument().tolerance;
  return { u: unitRoundoff(dtype) + unitRoundoff('float64'), K: t.elementwiseUlps, tiny: t.smallestNormal[dtype] };
}

/**
 * The suite's own float64 arithmetic alone (u_float64, K, η_float64): for quantities only the suite
 * computes, such as the ends of a finite-difference interval (RJS-TOL-FD).
 */
export function ownPrecision(): Precision {
  const t = specDocument().tolerance;
  return { u: unitRoundoff('float64'), K: t.elementwiseUlps, tiny: t.smallestNormal.float64 };
}
