import type { Activation } from '../activation/activation.js';
import { bounded, frob, type Bounded, type Precision } from './bounded.js';

/**
 * How far the argument an implementation sees may be from x: its error bound, or all of |x| when x is
 * subnormal, since flushing it to zero is a legitimate platform choice (RJS-TOL-5).
 */
function inputReach(x: number, e: number, p: Precision): number {
  return Math.abs(x) < p.tiny ? Math.max(e, Math.abs(x)) : e;
}

/**
 * σ applied to each entry of a bounded matrix (RJS-TOL-3): the input error is carried through the
 * largest |σ'| on [x − e, x + e] (both one-sided slopes where a kink lies inside), plus K·u·S(x) for
 * the evaluation of σ itself.
 */
export function mapSigma(A: Bounded, act: Activation, alpha: number, p: Precision): Bounded {
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  const own = new Float64Array(A.v.length);
  const kinks = act.kinks(alpha);
  let maxSlope = 0;
  for (let i = 0; i < v.length; i++) {
    const x = A.v[i];
    const ex = inputReach(x, A.e[i], p);
    v[i] = act.sigma(x, alpha);
    let slope = Math.max(Math.abs(act.derivative(x, alpha)), Math.abs(act.derivative(x - ex, alpha)), Math.abs(act.derivative(x + ex, alpha)));
    for (const k of kinks) {
      if (Math.abs(x - k.at) <= ex) slope = Math.max(slope, Math.abs(k.left), Math.abs(k.right));
    }
    own[i] = p.K * p.u * act.sigmaScale(x, alpha) + p.tiny;
    maxSlope = Math.max(maxSlope, slope);
    e[i] = slope * ex + own[i];
  }
  return bounded(A.rows, A.cols, v, e, maxSlope * A.f + frob(own));
}

/**
 * σ' applied to each entry (RJS-TOL-3). Away from kinks: σ'(x) with error max|σ''|·e + K·u·S'(x).
 * Where a kink lies in [x − e, x + e] (or x is exactly on it), any value between the one-sided
 * derivatives is accepted: the result is the midpoint with half the interval as its error.
 */
export function mapDerivative(A: Bounded, act: Activation, alpha: number, p: Precision): Bounded {
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  const kinks = act.kinks(alpha);
  for (let i = 0; i < v.length; i++) {
    const x = A.v[i];
    const ex = inputReach(x, A.e[i], p);
    const kink = kinks.find((k) => Math.abs(x - k.at) <= ex);
    if (kink !== undefined) {
      const vals = [kink.left, kink.right, act.derivative(x - ex, alpha), act.derivative(x + ex, alpha)];
      const lo = Math.min(...vals);
      const hi = Math.max(...vals);
      v[i] = (lo + hi) / 2;
      e[i] = (hi - lo) / 2 + p.K * p.u * Math.max(act.derivativeScale(x - ex, alpha), act.derivativeScale(x + ex, alpha)) + p.tiny;
      continue;
    }
    v[i] = act.derivative(x, alpha);
    const curvature = Math.max(Math.abs(act.second(x, alpha)), Math.abs(act.second(x - ex, alpha)), Math.abs(act.second(x + ex, alpha)));
    e[i] = curvature * ex + p.K * p.u * act.derivativeScale(x, alpha) + p.tiny;
  }
  // Kink intervals and curvature make σ' bounds entrywise by nature: no separate normwise bound.
  return bounded(A.rows, A.cols, v, e, Infinity);
}
