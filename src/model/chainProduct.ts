import { bounded, gammaK, type Bounded, type Precision } from '../bound/bounded.js';
import { absolute, squareProduct as mm } from '../linalg/squareProduct.js';

function identity(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/**
 * The ordered product J_T ⋯ J_1 of n×n factors, with the first-order error bound of RJS-TOL-6:
 * δP = Σ_t S_t·(δJ_t + R_t)·P_{t−1}, with P_{t−1} = J_{t−1}⋯J_1 and S_t = J_T⋯J_{t+1} the exact
 * prefix and suffix. Each entry is bounded by Σ_t |S_t|·(e_{J_t} + γ_n·|J_t|)·|P_{t−1}|, which covers
 * both accumulation orders (forward: right to left; reverse: left to right). Unlike chaining
 * |A|·|B| bounds, it does not grow like |J_T|⋯|J_1| when the product itself decays.
 */
export function chainProduct(factors: readonly Bounded[], p: Precision): Bounded {
  const n = factors[0].rows;
  const T = factors.length;
  const g = gammaK(n, p.u);
  const prefix: Float64Array[] = [identity(n)];
  for (let t = 0; t < T; t++) prefix.push(mm(factors[t].v, prefix[t], n));
  const absJ = factors.map((J) => absolute(J.v));
  const locals = factors.map((J, t) => Float64Array.from(J.e, (x, i) => x + g * absJ[t][i] + 2 * n * p.tiny));
  const e = higherOrder(absJ, locals, n);
  let suffix = identity(n);
  for (let t = T - 1; t >= 0; t--) {
    const term = mm(mm(absolute(suffix), locals[t], n), absolute(prefix[t]), n);
    for (let i = 0; i < e.length; i++) e[i] += term[i];
    suffix = mm(suffix, factors[t].v, n);
  }
  return bounded(n, n, prefix[T], e, Infinity);
}

/**
 * The terms of second and higher order that the first-order sum leaves out. With each factor
 * perturbed by at most ε_t = e_{J_t} + γ_n·|J_t| + 2n·η, expanding Π(|J_t| + ε_t) by the number of
 * ε's: G (none), F (one), R (two or more), with G_0 = I, F_0 = R_0 = 0 and
 *
 *     G_t = |J_t|·G_{t−1},  F_t = |J_t|·F_{t−1} + ε_t·G_{t−1},  R_t = (|J_t| + ε_t)·R_{t−1} + ε_t·F_{t−1}.
 *
 * R_T bounds them entrywise. It matters where the exact prefixes and suffixes cancel to (near) zero
 * while their absolute-value chains do not: the rounding of an earlier step's error then dominates
 * (found by `npm run calibrate`: a plain float32 left-to-right product of 13 elman identity steps,
 * n = 21, was 284× outside the first-order bound). Summed without cancellation, so it is exact to
 * float64 rounding; zero for T = 1.
 */
function higherOrder(absJ: readonly Float64Array[], locals: readonly Float64Array[], n: number): Float64Array {
  let G = identity(n);
  const F = new Float64Array(n * n);
  const R = new Float64Array(n * n);
  for (let t = 0; t < absJ.length; t++) {
    const A = absJ[t];
    const eps = locals[t];
    if (t > 0) {
      const AR = mm(A, R, n);
      const ER = mm(eps, R, n);
      const EF = mm(eps, F, n);
      for (let i = 0; i < R.length; i++) R[i] = AR[i] + ER[i] + EF[i];
    }
    if (t === absJ.length - 1) break;
    const AF = mm(A, F, n);
    const EG = mm(eps, G, n);
    for (let i = 0; i < F.length; i++) F[i] = AF[i] + EG[i];
    G = mm(A, G, n);
  }
  return R;
}
