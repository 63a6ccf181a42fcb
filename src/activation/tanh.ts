import type { Activation } from './activation.js';

/** σ(x) = tanh(x); σ' = 1 − tanh², which cancels when saturated (scale 1 + tanh²). */
export const tanh: Activation = {
  name: 'tanh',
  hasAlpha: false,
  sigma: (x) => Math.tanh(x),
  derivative: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  second: (x) => {
    const t = Math.tanh(x);
    return -2 * t * (1 - t * t);
  },
  sigmaScale: (x) => Math.abs(Math.tanh(x)),
  derivativeScale: (x) => 1 + Math.tanh(x) ** 2,
  gamma: () => 1,
  kinks: () => [],
  // σ' = 1 − tanh² peaks at 0.
  derivativeCriticalPoints: () => [0],
};
