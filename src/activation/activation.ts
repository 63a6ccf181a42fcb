/**
 * What the spec knows of one activation σ: its value, derivatives, kinks, γ = sup|σ'|, and the
 * "scales" of its usual formulas, which the tolerance model needs (RJS-TOL-3): the sum of the
 * magnitudes of the terms a typical implementation adds, so that cancellation (1 − tanh², 1 + erf)
 * is charged as an absolute error rather than a relative one.
 */
export interface Activation {
  /** Catalogue name. */
  readonly name: string;
  /** Whether it takes the `alpha` parameter. */
  readonly hasAlpha: boolean;
  /** σ(x). */
  sigma(x: number, alpha: number): number;
  /** σ'(x), away from kinks. */
  derivative(x: number, alpha: number): number;
  /** σ''(x), away from kinks. */
  second(x: number, alpha: number): number;
  /** Scale S(x) of the usual formula for σ: evaluation error ≤ K·u·S(x). */
  sigmaScale(x: number, alpha: number): number;
  /** Scale S'(x) of the usual formula for σ': evaluation error ≤ K·u·S'(x). */
  derivativeScale(x: number, alpha: number): number;
  /** γ = sup |σ'|. */
  gamma(alpha: number): number;
  /** Kinks: location and the one-sided derivatives there. */
  kinks(alpha: number): readonly Kink[];
}

/** A point where σ' jumps. */
export interface Kink {
  /** Where. */ readonly at: number;
  /** σ' just left of it. */ readonly left: number;
  /** σ' just right of it. */ readonly right: number;
}

/** The accepted subgradient interval at a kink: every value between the one-sided derivatives. */
export function acceptedSubgradients(k: Kink): [number, number] {
  return [Math.min(k.left, k.right), Math.max(k.left, k.right)];
}
