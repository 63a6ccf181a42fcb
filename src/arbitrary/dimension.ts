import fc from 'fast-check';

/** Constraints of {@link dimension}. */
export interface DimensionConstraints {
  /** Smallest value (default 1). */ readonly min?: number;
  /** Largest value. */ readonly max: number;
}

/** A size (n, m or T): an integer in [min, max] that shrinks towards min. */
export function dimension(c: DimensionConstraints): fc.Arbitrary<number> {
  return fc.integer({ min: c.min ?? 1, max: Math.max(c.min ?? 1, c.max) });
}
