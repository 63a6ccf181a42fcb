import type { Bounded } from '../bound/bounded.js';
import type { WorstEntry } from '../result.js';

/** The outcome of comparing an actual value with a bounded expected value. */
export interface Comparison {
  /** max over entries of |actual − expected| / tolerance (0/0 counts as 0); ≤ 1 passes. */ readonly maxRatio: number;
  /** The entry where that maximum is reached. */ readonly worst: WorstEntry;
}

/** Compares entry by entry: |actual − v| ≤ e (RJS-TOL-1). */
export function compare(expected: Bounded, actual: ArrayLike<number>, quantity: string): Comparison {
  let maxRatio = -1;
  let at = 0;
  for (let i = 0; i < expected.v.length; i++) {
    const err = Math.abs(actual[i] - expected.v[i]);
    const tol = expected.e[i];
    const ratio = err === 0 ? 0 : tol === 0 ? Infinity : err / tol;
    if (ratio > maxRatio || Number.isNaN(ratio)) {
      maxRatio = Number.isNaN(ratio) ? Infinity : ratio;
      at = i;
    }
  }
  const row = Math.floor(at / expected.cols);
  return {
    maxRatio: Math.max(maxRatio, 0),
    worst: {
      quantity,
      row,
      col: at - row * expected.cols,
      expected: expected.v[at],
      actual: actual[at],
      error: Math.abs(actual[at] - expected.v[at]),
      tolerance: expected.e[at],
    },
  };
}
