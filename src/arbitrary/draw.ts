/**
 * The draws every case generator is made of, read straight from fast-check's random source: sizes,
 * entries and state values. Drawing from `fc.Random` directly (no nested arbitraries) keeps a case's
 * generation O(its number of entries), and leaves shrinking to {@link CaseArbitrary}, which shrinks
 * a case as a whole (leading blocks, prefixes) instead of value by value.
 * @packageDocumentation
 */
import type fc from 'fast-check';
import type { Dtype } from '../contract.js';
import { toDtype } from './entry.js';

/**
 * A size in [min, max]: a small one (up to min + 7) in 3 of 10 cases, log-uniform in 5, and from the
 * upper half in 2, so that every run has small cases, large ones and the largest.
 */
export function drawSize(mrng: fc.Random, min: number, max: number): number {
  const hi = Math.max(min, max);
  const r = mrng.nextDouble();
  if (r < 0.3) return mrng.nextInt(min, Math.min(hi, min + 7));
  if (r < 0.8) return Math.min(hi, Math.floor(Math.exp(Math.log(min) + mrng.nextDouble() * (Math.log(hi + 1) - Math.log(min)))));
  return mrng.nextInt(Math.max(min, Math.ceil(hi / 2)), hi);
}

/** One of the values. */
export function drawFrom<T>(mrng: fc.Random, values: readonly T[]): T {
  return values[mrng.nextInt(0, values.length - 1)];
}

/**
 * `length` entries uniform in [−bound, bound] (or with magnitude in [min, bound] and a random sign),
 * rounded to the dtype. Magnitudes below 10⁻⁶·bound become 0 (RJS-GEN-5).
 */
export function drawEntries(mrng: fc.Random, length: number, bound: number, dtype: Dtype, min = 0): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const r = mrng.nextDouble();
    if (min > 0) {
      out[i] = toDtype((mrng.nextBoolean() ? -1 : 1) * (min + (bound - min) * r), dtype);
    } else {
      const v = bound * (2 * r - 1);
      out[i] = Math.abs(v) < 1e-6 * bound ? 0 : toDtype(v, dtype);
    }
  }
  return out;
}
