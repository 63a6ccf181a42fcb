/**
 * σ of the catalogue in jax-js: its own function for every catalogue name (`jax.nn` and
 * `jax.numpy.tanh`), so that the derivatives the suite checks are those jax-js derives from them.
 * `nn.leakyRelu` and `nn.elu` take the slope / alpha as an argument, and `nn.gelu` with
 * `approximate: false` is the exact form `x·0.5·erfc(−x/√2)` = x·Φ(x).
 */
import type { ActivationName, ActivationRef } from '../../src/contract.js';
import type { JArray, Jax } from './jax.js';

/** Catalogue activations jax-js has: all eight. */
export const JAX_ACTIVATIONS = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu'] as const satisfies readonly ActivationName[];

/**
 * σ as a jax-js function of x and alpha (a 0-d array; the parameter of leakyRelu and elu, ignored by
 * the others). Consumes both.
 */
export type Sigma = (x: JArray, alpha: JArray) => JArray;

/** σ for the activation `a`. */
export function sigma(jax: Jax, a: ActivationRef): Sigma {
  const { nn, numpy: np } = jax;
  const without =
    (f: (x: JArray) => JArray): Sigma =>
    (x, alpha) => {
      alpha.dispose();
      return f(x);
    };
  switch (a.name) {
    case 'identity':
      return without((x) => x);
    case 'tanh':
      return without((x) => np.tanh(x));
    case 'sigmoid':
      return without((x) => nn.sigmoid(x));
    case 'relu':
      return without((x) => nn.relu(x));
    case 'softplus':
      return without((x) => nn.softplus(x));
    case 'gelu':
      return without((x) => nn.gelu(x, { approximate: false }));
    case 'leakyRelu':
      return (x, alpha) => nn.leakyRelu(x, alpha);
    case 'elu':
      return (x, alpha) => nn.elu(x, alpha);
    default:
      throw new Error(`jax-js adapter: no activation '${a.name}'`);
  }
}
