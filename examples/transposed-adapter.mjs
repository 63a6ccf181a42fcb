// @ts-check
/**
 * A deliberately WRONG adapter: the minimal adapter (./minimal-adapter.mjs) with the bug this suite
 * exists to catch. It returns
 *
 *     Wᵀ·diag(σ'(x_{t-1})),   entry (i, j) = W[j, i]·σ'(x[j])
 *
 * the one-step Jacobian as printed in Pascanu et al. (2013), instead of the correct
 * W·diag(σ'(x_{t-1})) for x_t = W·σ(x_{t-1}) + U·u_t + b. The printed form is right only when the
 * weights multiply row vectors (x·W); read with column vectors (W·x) it transposes W.
 *
 *     npx rnn-jac-spec --adapter ./examples/transposed-adapter.mjs
 *
 * exits with code 1: fast-check shrinks the failure to a 2×2 case (for n = 1 both forms agree), and
 * the diagnosis names the transposed W, with a "Replay:" line that reproduces exactly that case.
 */
import createMinimalAdapter from './minimal-adapter.mjs';

/**
 * @param {Record<string, string>} options - passed on to the minimal adapter
 * @returns {import('rnn-jac-spec/contract').Adapter}
 */
export default function createTransposedAdapter(options) {
  const minimal = createMinimalAdapter(options);
  return {
    ...minimal,
    name: 'transposed',
    // The bug: W is transposed before the (otherwise correct) W·diag(σ'(x)) is formed.
    stepJacobian: (c) => minimal.stepJacobian({ ...c, W: transpose(c.W, c.n) }),
  };
}

/**
 * Wᵀ of an n×n row-major matrix.
 * @param {Float64Array} W
 * @param {number} n
 * @returns {Float64Array}
 */
function transpose(W, n) {
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[j * n + i] = W[i * n + j];
  return T;
}
