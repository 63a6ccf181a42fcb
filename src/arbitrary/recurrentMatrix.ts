import type fc from 'fast-check';
import type { Dtype } from '../contract.js';
import { spectralNormLower } from '../linalg/normEstimates.js';
import { drawEntries, drawFrom } from './draw.js';
import { toDtype } from './entry.js';

/**
 * The largest gain γ·‖W‖₂ a sequence of T steps may have (RJS-GEN-2): the worst-case growth g^T of a
 * rounding error injected at the first step, times n·u, must stay below 2⁻⁷. Beyond that the dtype's
 * arithmetic no longer determines the trajectory (the problem, not the implementation, is
 * ill-conditioned), and states that drift across a kink make the expected Jacobian ambiguous.
 */
export function sequenceGainLimit(n: number, T: number, u: number): number {
  return (2 ** -7 / (n * u)) ** (1 / T);
}

/** Targets for γ·‖W‖₂: below, at, near and above 1 (vanishing, marginal and exploding regimes). */
export const GAIN_TARGETS = [0.5, 0.95, 1, 1.05, 1.5, 3] as const;

/** max |W_ij − W_ji| over max |W_ij|: how visible a transpose is. */
export function asymmetry(W: ArrayLike<number>, n: number): number {
  let diff = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      diff = Math.max(diff, Math.abs(W[i * n + j] - W[j * n + i]));
      max = Math.max(max, Math.abs(W[i * n + j]));
    }
  }
  return max === 0 ? 0 : diff / max;
}

/** The asymmetry every generated W has for n ≥ 2 (RJS-GEN-2): far above any tolerance. */
export const MIN_ASYMMETRY = 0.25;

/** Power-method steps of the gain estimate: O(k·n²), against O(n³) for a singular value decomposition. */
export const GAIN_ITERATIONS = 32;

/**
 * How far below ‖W‖₂ the estimate may fall (it never exceeds it): ‖W‖₂/estimate was at most 1.087
 * in 2·10⁴ random W with n = 1 … 64, so aiming at limit/1.25 keeps a sequence's gain below its limit.
 */
export const GAIN_MARGIN = 1.25;

/** Constraints of {@link drawRecurrentMatrix}. */
export interface RecurrentMatrixConstraints {
  /** Size n of the n×n matrix. */ readonly n: number;
  /** γ = sup|σ'| of the case's activation: W is scaled so that γ·‖W‖₂ is near the target. */ readonly gamma: number;
  /** The dtype the entries must be exactly representable in. */ readonly dtype: Dtype;
  /** Largest gain target to use (sequences: see {@link sequenceGainLimit}); default: all. */ readonly maxGain?: number;
}

/** A drawn W and the gain it was steered to. */
export interface DrawnMatrix {
  /** W, n×n row-major, exact in the dtype. */ readonly W: Float64Array;
  /** The gain target g (RJS-GEN-2). */ readonly target: number;
  /** γ·(the power-method estimate of ‖W‖₂) after scaling: a lower estimate of the gain reached. */ readonly gain: number;
}

/**
 * A recurrent matrix W, n×n: entries uniform in [−1, 1], made non-symmetric by at least
 * {@link MIN_ASYMMETRY} (relative) when n ≥ 2 by adding to W₀₁ if needed, then scaled so that
 * γ·‖W‖₂ is at or a little above one of {@link GAIN_TARGETS}: ‖W‖₂ is estimated by
 * {@link GAIN_ITERATIONS} power-method steps, O(n²) each, which never overestimate it. Below
 * `maxGain` (sequences) by a margin for the estimate. No tolerance uses the estimate.
 */
export function drawRecurrentMatrix(mrng: fc.Random, c: RecurrentMatrixConstraints): DrawnMatrix {
  const M = drawEntries(mrng, c.n * c.n, 1, 'float64');
  const limit = c.maxGain ?? Infinity;
  const target = drawFrom(
    mrng,
    GAIN_TARGETS.filter((g) => g <= 1 || g <= limit),
  );
  if (c.n >= 2 && asymmetry(M, c.n) < MIN_ASYMMETRY) {
    M[1] += 1 + M.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  }
  const norm = spectralNormLower(M, c.n, c.n, GAIN_ITERATIONS);
  // The estimate may fall short of ‖W‖₂: an aim of limit/GAIN_MARGIN keeps the gain below the limit.
  const aim = target > 1 ? Math.min(target, limit / GAIN_MARGIN) : target;
  const scale = norm === 0 ? 1 : aim / (c.gamma * norm);
  const W = M.map((v) => toDtype(v * scale, c.dtype));
  return { W, target, gain: c.gamma * norm * scale };
}
