import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { knownSpectralNorm, MAX_KNOWN_ENTRIES, spectralNormBound } from '../../src/linalg/spectralNormBound.js';
import { spectralNorm } from '../../src/linalg/spectralNorm.js';

/** A rows×cols matrix of small integers and halves, so that different draws often share a norm. */
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 36, maxLength: 36 }))
  .map(([rows, cols, xs]) => ({ rows, cols, A: Float64Array.from(xs.slice(0, rows * cols), (x) => x / 2) }));

describe('spectralNormBound', () => {
  test.prop([matrix])('a remembered norm is the one the Jacobi computes for those contents, bit for bit', ({ rows, cols, A }) => {
    const first = knownSpectralNorm(A, rows, cols);
    expect(Object.is(first, spectralNorm(A, rows, cols))).toBe(true);
    // A copy hits the memory, and the value is the same; the bound pads it.
    expect(Object.is(knownSpectralNorm(A.slice(), rows, cols), first)).toBe(true);
    expect(spectralNormBound(A, rows, cols)).toBe(first * (1 + (rows + cols) * 2 ** -53));
  });

  it('tells apart contents that differ in one bit, and shapes of the same entries', () => {
    const A = Float64Array.from([3, 0, 0, 4]);
    expect(knownSpectralNorm(A, 2, 2)).toBe(4);
    const B = A.slice();
    B[3] = 4 + 2 ** -50;
    expect(knownSpectralNorm(B, 2, 2)).toBe(spectralNorm(B, 2, 2));
    expect(knownSpectralNorm(B, 2, 2)).not.toBe(4);
    // The same four entries as a row: ‖[3 0 0 4]‖₂ = 5.
    expect(knownSpectralNorm(A, 1, 4)).toBe(5);
    expect(knownSpectralNorm(A, 4, 1)).toBe(5);
    expect(knownSpectralNorm(A, 2, 2)).toBe(4);
  });

  it('computes a view into a larger buffer and a plain array from their own entries', () => {
    const buffer = new Float64Array([9, 3, 0, 0, 4]);
    expect(knownSpectralNorm(buffer.subarray(1), 2, 2)).toBe(4);
    expect(knownSpectralNorm([0, 2, 0, 0], 2, 2)).toBe(2);
  });

  it('starts over past its limit, keeps nothing larger than it, and still answers right', () => {
    const side = 2 ** 9; // a 512×512 diagonal: 2¹⁸ entries, so nine of them pass the limit
    expect(side * side * 9).toBeGreaterThan(MAX_KNOWN_ENTRIES);
    for (let k = 1; k <= 9; k++) {
      const D = new Float64Array(side * side);
      D[0] = k;
      D[side + 1] = -k / 2;
      expect(knownSpectralNorm(D, side, side)).toBe(k);
    }
    expect(knownSpectralNorm(Float64Array.of(1, 0, 0, -0.5), 2, 2)).toBe(1);
  });
});
