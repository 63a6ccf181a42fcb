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
  const e = new Float64Array(n * n);
  let suffix = identity(n);
  for (let t = T - 1; t >= 0; t--) {
    const J = factors[t];
    const local = Float64Array.from(J.e, (x, i) => x + g * Math.abs(J.v[i]) + 2 * n * p.tiny);
    const term = mm(mm(absolute(suffix), local, n), absolute(prefix[t]), n);
    for (let i = 0; i < e.length; i++) e[i] += term[i];
    suffix = mm(suffix, J.v, n);
  }
  return bounded(n, n, prefix[T], e, Infinity);
}
