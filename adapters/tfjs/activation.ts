/**
 * σ of the catalogue in tfjs ops. tfjs's own op is used wherever tfjs has one, so its gradient
 * kernel is what the spec checks; gelu and elu with alpha ≠ 1, which tfjs-core lacks, are composed
 * from tfjs ops the way tfjs-layers composes its own gelu.
 */
import type { ActivationName, ActivationRef } from '../../src/contract.js';
import type { Tensor, Tf } from './tfjs.js';

/** Catalogue activations this adapter builds from tfjs ops: all eight. */
export const TFJS_ACTIVATIONS = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu'] as const satisfies readonly ActivationName[];

/** σ as a tfjs function of a tensor. */
export function sigma(tf: Tf, a: ActivationRef): (x: Tensor) => Tensor {
  switch (a.name) {
    case 'identity':
      return (x) => x;
    case 'tanh':
      return (x) => tf.tanh(x);
    case 'sigmoid':
      return (x) => tf.sigmoid(x);
    case 'relu':
      return (x) => tf.relu(x);
    case 'leakyRelu':
      return (x) => tf.leakyRelu(x, alphaOf(a));
    case 'softplus':
      return (x) => tf.softplus(x);
    case 'elu': {
      const alpha = alphaOf(a);
      if (alpha === 1) return (x) => tf.elu(x);
      // tf.elu has alpha = 1 only (tfjs-layers' ELU layer throws for other values). relu + alpha·(elu − relu)
      // is x for x > 0 and alpha·elu(x) for x ≤ 0, rounded exactly as those. A tf.where on tf.greater(x, 0)
      // cannot be used: tfjs registers no gradient for Greater and refuses to backpropagate through it.
      return (x) => tf.add(tf.relu(x), tf.mul(alpha, tf.sub(tf.elu(x), tf.relu(x))));
    }
    case 'gelu':
      // tfjs-core has no gelu op; this is tfjs-layers' 'gelu' activation, x·Φ(x) with Φ from tf.erf.
      return (x) => tf.mul(x, tf.mul(0.5, tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))));
    default:
      throw new Error(`tfjs adapter: no activation '${a.name}'`);
  }
}

function alphaOf(a: ActivationRef): number {
  if (a.alpha === undefined) throw new Error(`tfjs adapter: ${a.name} needs alpha`);
  return a.alpha;
}

/** tfjs-layers activation identifiers for the catalogue names its SimpleRNN accepts by name. */
export const LAYER_ACTIVATIONS: Readonly<Record<string, string>> = {
  identity: 'linear',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'relu',
  softplus: 'softplus',
  gelu: 'gelu',
} satisfies Partial<Record<ActivationName, string>>;
