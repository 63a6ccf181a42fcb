import type { Activation } from './activation.js';
import { logistic } from './sigmoid.js';

/** σ(x) = ln(1 + eˣ): the "1 +" loses eˣ below u (scale σ + 1); σ' = logistic(x). */
export const softplus: Activation = {
  name: 'softplus',
  hasAlpha: false,
  sigma: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
  derivative: logistic,
  second: (x) => logistic(x) * logistic(-x),
  sigmaScale: (x) => Math.abs(x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))) + 1,
  derivativeScale: (x) => logistic(x),
  gamma: () => 1,
  kinks: () => [],
  // σ' (the logistic) is monotone.
  derivativeCriticalPoints: () => [],
};
