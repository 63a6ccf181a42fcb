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
  /**
   * Interior critical points of σ' away from kinks (the zeros of σ''): between them and the kinks σ'
   * is monotone, so its range over an interval is attained at these, the kinks and the ends.
   */
  derivativeCriticalPoints(alpha: number): readonly number[];
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

/** The range of σ' over a closed interval, and the largest scale S' among the points it is read at. */
export interface DerivativeRange {
  /** Least value of σ' (a one-sided value at a kink counts). */ readonly min: number;
  /** Greatest value of σ'. */ readonly max: number;
  /** Largest S' at the points min and max were read at: their float64 error is ≤ K·u·scale (RJS-TOL-3). */ readonly scale: number;
}

/**
 * The least and greatest σ' on [lo, hi] (RJS-TOL-FD): σ' at both ends, at the interior critical
 * points, and both one-sided values of every kink in the closed interval (an end on a kink included).
 */
export function derivativeRange(act: Activation, lo: number, hi: number, alpha: number): DerivativeRange {
  const points = [lo, hi, ...act.derivativeCriticalPoints(alpha).filter((x) => x > lo && x < hi)];
  const values = points.map((x) => act.derivative(x, alpha));
  for (const k of act.kinks(alpha)) if (k.at >= lo && k.at <= hi) values.push(k.left, k.right);
  return { min: Math.min(...values), max: Math.max(...values), scale: Math.max(...points.map((x) => act.derivativeScale(x, alpha))) };
}
