import fc from 'fast-check';
import type { Dtype } from '../contract.js';
import { spectralNorm } from '../linalg/spectralNorm.js';
import { entry, toDtype } from './entry.js';

/** Constraints of {@link recurrentMatrix}. */
export interface RecurrentMatrixConstraints {
  /** Size n of the n×n matrix. */ readonly n: number;
  /** γ = sup|σ'| of the case's activation: W is scaled so that γ·‖W‖₂ hits the target. */ readonly gamma: number;
  /** The dtype the entries must be exactly representable in. */ readonly dtype: Dtype;
  /** Largest gain target to use (sequences: see {@link sequenceGainLimit}); default: all. */ readonly maxGain?: number;
}

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

/**
 * A recurrent matrix W, n×n: random entries, made non-symmetric by at least {@link MIN_ASYMMETRY}
 * (relative) when n ≥ 2 by adding to W₀₁ if needed, then scaled so that γ·‖W‖₂ is one of
 * {@link GAIN_TARGETS}. Entries shrinking to 0 leave the readable W = c·[[0, 1], [0, 0]].
 */
export function recurrentMatrix(c: RecurrentMatrixConstraints): fc.Arbitrary<Float64Array> {
  return fc
    .record({
      raw: fc.array(entry({ bound: 1, dtype: 'float64' }), { minLength: c.n * c.n, maxLength: c.n * c.n }),
      gain: fc.constantFrom(...GAIN_TARGETS.filter((g) => g <= 1 || g <= (c.maxGain ?? Infinity))),
    })
    .map(({ raw, gain }) => {
      const M = Float64Array.from(raw);
      if (c.n >= 2 && asymmetry(M, c.n) < MIN_ASYMMETRY) {
        M[1] += 1 + M.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
      }
      const norm = spectralNorm(M, c.n, c.n);
      const scale = norm === 0 ? 1 : gain / (c.gamma * norm);
      return M.map((v) => toDtype(v * scale, c.dtype));
    });
}
