import type { Activation } from './activation.js';

const S = Math.sqrt(2 / Math.PI);
const C = 0.044715;

/** k(x) = √(2/π)·(x + 0.044715·x³), the argument of tanh, and its first two derivatives. */
function k(x: number): { k: number; k1: number; k2: number } {
  return { k: S * (x + C * x * x * x), k1: S * (1 + 3 * C * x * x), k2: 6 * S * C * x };
}

/** P = (1 + tanh k)/2 = 1/(1 + e^(−2k)): no cancellation in the negative tail. */
function half(kx: number): number {
  return 1 / (1 + Math.exp(-2 * kx));
}

function derivative(x: number): number {
  const { k: kx, k1 } = k(x);
  const P = half(kx);
  return P + 2 * x * P * (1 - P) * k1;
}

function second(x: number): number {
  const { k: kx, k1, k2 } = k(x);
  const P = half(kx);
  const Q = P * (1 - P);
  return 4 * k1 * Q + 2 * x * Q * (2 * k1 * k1 * (1 - 2 * P) + k2);
}

/** The zero of σ'' in [lo, hi] (σ'' changes sign there), by bisection. */
function zero(lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 80; i++) {
    const mid = (a + b) / 2;
    if (Math.sign(second(mid)) === Math.sign(second(a))) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

// σ' has its extrema where σ'' = 0, near ∓√2 as for the exact gelu.
const CRITICAL = [zero(-2, -1), zero(1, 2)];

/**
 * gelu in its tanh approximation, σ(x) = x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2 (PyTorch's
 * `approximate='tanh'`, TensorFlow's `approximate=True`): not a catalogue activation but a known way
 * to get gelu wrong, which every golden gelu vector rejects. Scales follow the usual tanh formula.
 */
export const geluTanh: Activation = {
  name: 'gelu (tanh approximation)',
  hasAlpha: false,
  sigma: (x) => x * half(k(x).k),
  derivative,
  second,
  sigmaScale: (x) => (Math.abs(x) * (1 + Math.abs(Math.tanh(k(x).k)))) / 2,
  derivativeScale: (x) => {
    const t = Math.tanh(k(x).k);
    return (1 + Math.abs(t)) / 2 + (Math.abs(x) * (1 + t * t) * k(x).k1) / 2;
  },
  gamma: () => Math.max(...CRITICAL.map((x) => Math.abs(derivative(x))), 1),
  kinks: () => [],
  derivativeCriticalPoints: () => CRITICAL,
};
