import type { Activation } from './activation.js';

/** Logistic function, computed without overflow for either sign. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ(x) = 1/(1+e^(−x)); σ' = σ(1−σ), where 1 − σ cancels for large x (scale σ). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  hasAlpha: false,
  sigma: logistic,
  derivative: (x) => {
    const s = logistic(x);
    return s * logistic(-x);
  },
  second: (x) => {
    const s = logistic(x);
    const c = logistic(-x);
    return s * c * (c - s);
  },
  sigmaScale: (x) => logistic(x),
  derivativeScale: (x) => logistic(x),
  gamma: () => 0.25,
  kinks: () => [],
  // σ' = σ(1 − σ) peaks at 0.
  derivativeCriticalPoints: () => [0],
};
