import type { Dtype } from '../contract.js';

/** Rounds to the dtype, so that the adapter's inputs are exact (RJS-TOL-1). */
export function toDtype(x: number, dtype: Dtype): number {
  return dtype === 'float32' ? Math.fround(x) : x;
}
