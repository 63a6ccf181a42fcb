import type { Activation } from './activation.js';

/**
 * σ(x) = x for x ≥ 0, alpha·(eˣ − 1) for x < 0. σ must be as accurate as alpha·expm1(x) (scale |σ|,
 * as tanh's): alpha·(exp(x) − 1) cancels just below 0, u/|x| relative. Implementations often form σ'
 * as σ + alpha, which cancels (scale 2·alpha). Kink at 0 with subgradients between alpha and 1 (none
 * when alpha = 1).
 */
export const elu: Activation = {
  name: 'elu',
  hasAlpha: true,
  sigma: (x, alpha) => (x >= 0 ? x : alpha * Math.expm1(x)),
  derivative: (x, alpha) => (x > 0 ? 1 : alpha * Math.exp(x)),
  second: (x, alpha) => (x > 0 ? 0 : alpha * Math.exp(x)),
  sigmaScale: (x, alpha) => (x >= 0 ? 0 : Math.abs(alpha * Math.expm1(x))),
  derivativeScale: (x, alpha) => (x > 0 ? 0 : 2 * Math.abs(alpha)),
  gamma: (alpha) => Math.max(1, Math.abs(alpha)),
  kinks: (alpha) => (alpha === 1 ? [] : [{ at: 0, left: alpha, right: 1 }]),
  // σ' is monotone on each side of the kink.
  derivativeCriticalPoints: () => [],
};
