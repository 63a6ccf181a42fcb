/** Small row-major matrix helpers of the reference adapter, each result rounded by `r` (float32 or float64). */

/** Rounding to the dtype: Math.fround for float32, identity for float64. */
export type Round = (x: number) => number;

/** Rounding to float64: none. One function, so that `rd === exact` tells the float64 path apart. */
export const exact: Round = (x) => x;

/**
 * A·B (r×k times k×c), each product and partial sum rounded to the dtype. The rounding is chosen by a
 * flag tested in the loop, not called through `rd`: a loop calling either rounding through a parameter
 * runs several times slower once it has seen both (the engine can no longer inline the call), and runs
 * see both dtypes.
 */
export function mm(A: ArrayLike<number>, B: ArrayLike<number>, r: number, k: number, c: number, rd: Round): Float64Array {
  if (rd !== exact && rd !== Math.fround) throw new Error('mm rounds to float64 (exact) or float32 (Math.fround) only');
  const f32 = rd === Math.fround;
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) {
        const p = A[i * k + l] * B[l * c + j];
        s = f32 ? Math.fround(s + Math.fround(p)) : s + p;
      }
      out[i * c + j] = s;
    }
  }
  return out;
}

/** Aᵀ of an r×c matrix. */
export function tr(A: ArrayLike<number>, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = A[i * c + j];
  return out;
}

/** Elementwise a + b, rounded. */
export function plus(a: ArrayLike<number>, b: ArrayLike<number>, rd: Round): Float64Array {
  return Float64Array.from(a, (x, i) => rd(x + b[i]));
}

/** Elementwise map, rounded. */
export function map(a: ArrayLike<number>, f: (x: number) => number, rd: Round): Float64Array {
  return Float64Array.from(a, (x) => rd(f(x)));
}
