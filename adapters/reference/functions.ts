/**
 * The reference adapter's own activation functions, written apart from src/ on purpose: the suite's
 * expected values and the reference's results must agree without sharing code.
 */

/** σ and σ' of one activation, for a given alpha. */
export interface RefActivation {
  /** σ(x). */ f(x: number): number;
  /** σ'(x); at a kink, the right-hand derivative (relu'(0) = 1: a subgradient in [0, 1]). */ df(x: number): number;
}

const SQRT_HALF = Math.SQRT1_2;

/** erf by Abramowitz–Stegun 7.1.6-style series, and erfc by Laplace's continued fraction for |x| ≥ 3. */
export function refErf(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 3) {
    let f = ax;
    for (let k = 100; k >= 1; k--) f = ax + k / 2 / f;
    const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
    return Math.sign(x) * (1 - erfc);
  }
  // erf(x) = 2/√π · e^(−x²) · Σ_{k≥0} (2x²)^k·x / (2k+1)!!
  let term = ax;
  let sum = ax;
  for (let k = 1; k < 300 && term > 1e-18 * sum; k++) {
    term = (term * 2 * ax * ax) / (2 * k + 1);
    sum += term;
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-ax * ax) * sum;
}

/** The activation named, with its parameter. Throws for names outside the catalogue. */
export function refActivation(name: string, alpha = 0): RefActivation {
  switch (name) {
    case 'identity':
      return { f: (x) => x, df: () => 1 };
    case 'tanh':
      return { f: Math.tanh, df: (x) => 1 / Math.cosh(x) ** 2 };
    case 'sigmoid': {
      const f = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
      return { f, df: (x) => f(x) * f(-x) };
    }
    case 'relu':
      return { f: (x) => Math.max(x, 0), df: (x) => (x >= 0 ? 1 : 0) };
    case 'leakyRelu':
      return { f: (x) => (x >= 0 ? x : alpha * x), df: (x) => (x >= 0 ? 1 : alpha) };
    case 'elu':
      return { f: (x) => (x >= 0 ? x : alpha * Math.expm1(x)), df: (x) => (x >= 0 ? 1 : alpha * Math.exp(x)) };
    case 'softplus':
      return {
        f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
        df: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
      };
    case 'gelu': {
      const cdf = (x: number): number => 0.5 * (1 + refErf(x * SQRT_HALF));
      const pdf = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      return { f: (x) => x * cdf(x), df: (x) => cdf(x) + x * pdf(x) };
    }
    default:
      throw new Error(`reference adapter: unknown activation '${name}'`);
  }
}
