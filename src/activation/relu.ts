import type { Activation } from './activation.js';

/** σ(x) = max(x, 0). Exact; a kink at 0 with subgradients [0, 1]. */
export const relu: Activation = {
  name: 'relu',
  hasAlpha: false,
  // biome-ignore lint/complexity/useMathMinMax: the comparison maps NaN to 0; Math.max(x, 0) would return NaN
  sigma: (x) => (x > 0 ? x : 0),
  derivative: (x) => (x > 0 ? 1 : 0),
  second: () => 0,
  sigmaScale: () => 0,
  derivativeScale: () => 0,
  gamma: () => 1,
  kinks: () => [{ at: 0, left: 0, right: 1 }],
  // σ' is constant on each side of the kink.
  derivativeCriticalPoints: () => [],
};
