import { derivativeRange, type DerivativeRange } from '../activation/activation.js';
import { bounded, exact, type Bounded } from '../bound/bounded.js';
import type { StepCase } from '../contract.js';
import { finish } from './expected.js';
import { comparisonPrecision, ownPrecision } from './precision.js';
import { affine, nextState, recurrence, type Recurrence } from './stepParts.js';

/** What a central-difference Jacobian perturbs: the previous state x_{t−1} or the input u_t. */
export type Perturbed = 'state' | 'input';

/** σ' ≡ 1: x_t of the pascanu form is affine in u_t, so its quotient is U_ik exactly. */
const AFFINE: DerivativeRange = { min: 1, max: 1, scale: 0 };

/**
 * RJS-TOL-FD: the expected central-difference Jacobian with step h (∂x_t/∂x_{t−1}, n×n, or
 * ∂x_t/∂u_t, n×m) and its bound. Entry (i, k) is C_ik times the midpoint of the range of σ' over the
 * interval the exact quotient averages σ' on (C = W or U), with half that range as its error, plus
 * the roundoff of the quotient: the two forward passes' bounds E± over 2h, and the float64
 * difference. The result may have been returned in the dtype (RJS-TOL-4).
 */
export function expectedCentralDifference(c: Omit<StepCase, 'variant'>, h: number, wrt: Perturbed): Bounded {
  const r = recurrence(c);
  const C = wrt === 'state' ? r.W : r.U;
  const cols = C.cols;
  const slope = slopeRanges(c, r, h, wrt);
  const own = ownPrecision();
  const v = new Float64Array(r.n * cols);
  const e = new Float64Array(r.n * cols);
  for (let k = 0; k < cols; k++) {
    const plus = forwardError(c, r, wrt, k, h);
    const minus = forwardError(c, r, wrt, k, -h);
    for (let i = 0; i < r.n; i++) {
      const at = i * cols + k;
      const w = C.v[at];
      const { min, max, scale } = slope(i, k);
      const mag = Math.max(Math.abs(min), Math.abs(max));
      v[at] = (w * (min + max)) / 2;
      // Exact-arithmetic range; our float64 σ' (K·u·S'), midpoint and product; the adapter's float64
      // difference (u·|f⁺ − f⁻|/2h ≤ u·|C_ik|·max|σ'|); the forward passes; a division that underflows.
      const interval = Math.abs(w) * ((max - min) / 2 + own.K * own.u * scale + own.tiny + 3 * own.u * mag);
      e[at] = interval + ((plus[i] + minus[i]) / (2 * h)) * (1 + own.u) + own.tiny;
    }
  }
  // The interval makes the bound entrywise by nature, as σ' on a kink does: no separate normwise bound.
  return finish(bounded(r.n, cols, v, e, Infinity), c.dtype);
}

/**
 * The range of σ' that the exact quotient of entry (i, k) averages over (mean value theorem):
 * pascanu forms, [z_k − h, z_k + h] with z = x_{t−1} or u_t (for pascanu's input, none: σ' ≡ 1);
 * elman, [a_i − h·|C_ik|, a_i + h·|C_ik|], since perturbing entry k moves a_i by ±h·C_ik. Each
 * interval is widened by the float64 error of its ends (a_i's own bound included).
 */
function slopeRanges(c: Omit<StepCase, 'variant'>, r: Recurrence, h: number, wrt: Perturbed): (i: number, k: number) => DerivativeRange {
  const own = ownPrecision();
  const range = (z: number, radius: number, ez: number): DerivativeRange => {
    const widen = 2 * own.u * (Math.abs(z) + radius) + ez + own.tiny;
    return derivativeRange(r.act, z - radius - widen, z + radius + widen, r.alpha);
  };
  if (r.form === 'elman') {
    const C = wrt === 'state' ? r.W : r.U;
    const a = affine(r, exact(r.n, 1, c.x), exact(r.m, 1, c.u), own);
    return (i, k) => range(a.v[i], h * Math.abs(C.v[i * C.cols + k]), a.e[i]);
  }
  if (wrt === 'input' && r.form === 'pascanu') return () => AFFINE;
  const z = wrt === 'state' ? c.x : c.u;
  const columns = Array.from(z, (zk) => range(zk, h, 0));
  return (_i, k) => columns[k];
}

/**
 * E±: the bound of the forward state the framework computes at x ± h·e_k (or u ± h·e_k) against
 * the exact state there (RJS-FWD's bound). The perturbed entry is formed in float64 or in the dtype
 * and rounded to the dtype, so it carries an input error of (u_dtype + u_float64)·|x_k ± h| + η.
 */
function forwardError(c: Omit<StepCase, 'variant'>, r: Recurrence, wrt: Perturbed, k: number, step: number): Float64Array {
  const p = comparisonPrecision(c.dtype);
  const base = wrt === 'state' ? c.x : c.u;
  const v = Float64Array.from(base);
  v[k] += step;
  const e = new Float64Array(base.length);
  e[k] = p.u * Math.abs(v[k]) + p.tiny;
  const moved = bounded(base.length, 1, v, e, e[k]);
  const x = wrt === 'state' ? moved : exact(r.n, 1, c.x);
  const u = wrt === 'input' ? moved : exact(r.m, 1, c.u);
  return finish(nextState(r, x, u, p), c.dtype).e;
}
