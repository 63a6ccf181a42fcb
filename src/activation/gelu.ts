import type { Activation } from './activation.js';
import { erf, normalCdf, normalPdf } from './erf.js';

/** σ(x) = x·Φ(x) (exact erf form); σ' = Φ(x) + x·φ(x); 1 + erf cancels for x ≪ 0 (scale (1+|erf|)/2). */
export const gelu: Activation = {
  name: 'gelu',
  hasAlpha: false,
  sigma: (x) => x * normalCdf(x),
  derivative: (x) => normalCdf(x) + x * normalPdf(x),
  second: (x) => normalPdf(x) * (2 - x * x),
  sigmaScale: (x) => (Math.abs(x) * (1 + Math.abs(erf(x / Math.SQRT2)))) / 2,
  derivativeScale: (x) => (1 + Math.abs(erf(x / Math.SQRT2))) / 2 + Math.abs(x) * normalPdf(x),
  gamma: () => normalCdf(Math.SQRT2) + Math.SQRT2 * normalPdf(Math.SQRT2),
  kinks: () => [],
  // σ'' = φ·(2 − x²): σ' has its minimum at −√2 and its maximum at √2.
  derivativeCriticalPoints: () => [-Math.SQRT2, Math.SQRT2],
};
