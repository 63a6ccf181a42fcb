import type fc from 'fast-check';
import type { Dtype } from '../contract.js';
import { drawFrom } from './draw.js';
import { toDtype } from './entry.js';

/** Constraints of {@link drawStates}. */
export interface StateRegionConstraints {
  /** The dtype the value must be exactly representable in. */ readonly dtype: Dtype;
  /** Also draw values exactly on the kink (only for the kink property). */ readonly onKink?: boolean;
  /** Also draw subnormal values (one-step cases, where σ' is taken at an input). */ readonly subnormal?: boolean;
}

/**
 * The regions of σ's domain a state value is drawn from (RJS-GEN-3), with either sign:
 * `ordinary` 10⁻³ … 3; `saturated` 3 … 15 (tanh', sigmoid' vanish); `far` 15 … 40 (past the
 * thresholds where implementations switch formulas, e.g. softplus(x) = x above 20);
 * `exp-overflow` 0.9 … 1.1 times ln of the dtype's largest number (where e^|x| overflows and σ'
 * underflows); `near-kink` 10⁻⁶ … 10⁻² off 0; `subnormal` below the smallest normal number, where
 * flush-to-zero is allowed (RJS-TOL-5); `on-kink` exactly 0 (RJS-KINK only). Every catalogue kink is at 0.
 */
export const STATE_REGIONS = ['ordinary', 'saturated', 'far', 'exp-overflow', 'near-kink', 'subnormal', 'on-kink'] as const;
/** One of them. */
export type StateRegion = (typeof STATE_REGIONS)[number];

/** ln of the largest finite number: past it e^x overflows (88.72 for float32, 709.78 for float64). */
export function expOverflowPoint(dtype: Dtype): number {
  return dtype === 'float32' ? Math.log(3.4028234663852886e38) : Math.log(Number.MAX_VALUE);
}

/** Relative weights of the regions; the ordinary one is drawn most. */
const WEIGHTS: Readonly<Record<StateRegion, number>> = { ordinary: 8, saturated: 3, far: 2, 'exp-overflow': 2, 'near-kink': 4, subnormal: 1, 'on-kink': 3 };

/** The regions a draw uses under the constraints. */
export function stateRegions(c: StateRegionConstraints): StateRegion[] {
  return STATE_REGIONS.filter((r) => (r !== 'on-kink' || c.onKink === true) && (r !== 'subnormal' || c.subnormal === true));
}

/** One state value from a given region (r uniform in [0, 1)). */
export function regionValue(region: StateRegion, r: number, negative: boolean, dtype: Dtype): number {
  const sign = negative ? -1 : 1;
  switch (region) {
    case 'ordinary':
      return toDtype(sign * (1e-3 + 3 * r), dtype);
    case 'saturated':
      return toDtype(sign * (3 + 12 * r), dtype);
    case 'far':
      return toDtype(sign * (15 + 25 * r), dtype);
    case 'exp-overflow':
      return toDtype(sign * expOverflowPoint(dtype) * (0.9 + 0.2 * r), dtype);
    case 'near-kink':
      return toDtype(sign * 1e-6 * 10 ** (4 * r), dtype);
    case 'subnormal': {
      // Between the smallest subnormal and the smallest normal number, log-uniform.
      const [lo, hi] = dtype === 'float32' ? [-149, -126] : [-1074, -1022];
      const largest = 2 ** hi - 2 ** lo; // the largest subnormal: rounding must not reach 2^hi
      return sign * Math.min(largest, Math.max(2 ** lo, Math.abs(toDtype(2 ** (lo + (hi - lo) * r), dtype))));
    }
    case 'on-kink':
      return 0;
  }
}

/** `length` state values, each from a region drawn by weight. */
export function drawStates(mrng: fc.Random, length: number, c: StateRegionConstraints): Float64Array {
  const regions = stateRegions(c);
  const bag = regions.flatMap((r) => Array<StateRegion>(WEIGHTS[r]).fill(r));
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = regionValue(drawFrom(mrng, bag), mrng.nextDouble(), mrng.nextBoolean(), c.dtype);
  return out;
}
