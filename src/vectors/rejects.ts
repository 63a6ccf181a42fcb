import type { Bounded } from '../bound/bounded.js';

/**
 * Whether every computation of the wrong form fails the vector: in some entry the wrong value w and
 * the expected value v are further apart than the vector's tolerance plus the wrong form's own bound,
 * |w − v| > e_v + e_w. An implementation of the wrong form returns a value within e_w of w (RJS-TOL),
 * so it misses v by more than e_v there. A result of another length fails the vector outright.
 */
export function rejects(expected: Bounded, wrong: Bounded): boolean {
  if (wrong.v.length !== expected.v.length) return true;
  for (let i = 0; i < expected.v.length; i++) {
    // Written as !(≤) so that a NaN value counts as rejected, as a NaN result fails RJS-TOL-1.
    if (!(Math.abs(wrong.v[i] - expected.v[i]) <= expected.e[i] + wrong.e[i])) return true;
  }
  return false;
}

/** Whether some entry of the output is nonzero beyond its tolerance (so that −v, 0 and v are told apart). */
export function significant(expected: Bounded): boolean {
  return expected.v.some((x, i) => Math.abs(x) > expected.e[i]);
}
