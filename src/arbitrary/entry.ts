import fc from 'fast-check';
import type { Dtype } from '../contract.js';

/** Constraints of {@link entry}. */
export interface EntryConstraints {
  /** Largest magnitude. */ readonly bound: number;
  /** The dtype the value must be exactly representable in. */ readonly dtype: Dtype;
  /** Smallest magnitude (default: none; the value may shrink to 0). */ readonly min?: number;
}

/** Rounds to the dtype, so that the adapter's inputs are exact (RJS-TOL-1). */
export function toDtype(x: number, dtype: Dtype): number {
  return dtype === 'float32' ? Math.fround(x) : x;
}

/**
 * A weight or cotangent entry in [−bound, bound] that shrinks to 0. Magnitudes below 1e−6·bound become
 * 0, so no entry is subnormal in float32 (where flush-to-zero is a legitimate platform choice).
 */
export function entry(c: EntryConstraints): fc.Arbitrary<number> {
  const min = c.min;
  if (min !== undefined) {
    return fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
      .map(([r, negative]) => toDtype((negative ? -1 : 1) * (min + (c.bound - min) * r), c.dtype));
  }
  return fc
    .double({ min: -c.bound, max: c.bound, noNaN: true })
    .map((v) => (Math.abs(v) < 1e-6 * c.bound ? 0 : toDtype(v, c.dtype)));
}

/** A vector of `length` {@link entry} values, as a Float64Array. */
export function entries(length: number, c: EntryConstraints): fc.Arbitrary<Float64Array> {
  return fc.array(entry(c), { minLength: length, maxLength: length }).map((a) => Float64Array.from(a));
}
