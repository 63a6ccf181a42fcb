import type { Activation } from './activation.js';

/** σ(x) = x. Exact in every dtype. */
export const identity: Activation = {
  name: 'identity',
  hasAlpha: false,
  sigma: (x) => x,
  derivative: () => 1,
  second: () => 0,
  sigmaScale: () => 0,
  derivativeScale: () => 0,
  gamma: () => 1,
  kinks: () => [],
  // σ' is constant.
  derivativeCriticalPoints: () => [],
};
