import type { Activation } from './activation.js';

/** σ(x) = x for x ≥ 0, alpha·x for x < 0 (one rounding there). Kink at 0 with subgradients between alpha and 1. */
export const leakyRelu: Activation = {
  name: 'leakyRelu',
  hasAlpha: true,
  sigma: (x, alpha) => (x >= 0 ? x : alpha * x),
  derivative: (x, alpha) => (x > 0 ? 1 : alpha),
  second: () => 0,
  sigmaScale: (x, alpha) => (x >= 0 ? 0 : Math.abs(alpha * x)),
  derivativeScale: (x, alpha) => (x > 0 ? 0 : Math.abs(alpha)),
  gamma: (alpha) => Math.max(1, Math.abs(alpha)),
  kinks: (alpha) => [{ at: 0, left: alpha, right: 1 }],
  // σ' is constant on each side of the kink.
  derivativeCriticalPoints: () => [],
};
