import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { absolute, squareProduct } from '../../src/linalg/squareProduct.js';

/** The plain triple loop, summing l = 0, 1, … and skipping zeros of A: the values squareProduct must give bit for bit. */
function plain(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < n; l++) {
      const a = A[i * n + l];
      if (a === 0) continue;
      for (let j = 0; j < n; j++) C[i * n + j] += a * B[l * n + j];
    }
  }
  return C;
}

/** An entry: mostly finite of any scale, with exact zeros (both signs), infinities, NaN and subnormals mixed in. */
const entry = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(0, -0) },
  { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 5e-324, -2.5e-308) },
);

/** Two n×n matrices, n up to 19 (odd and even, both past the blocks of four terms and two rows). */
const pair = fc
  .integer({ min: 1, max: 19 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(entry, { minLength: 2 * n * n, maxLength: 2 * n * n })))
  .map(([n, xs]) => ({ n, A: Float64Array.from(xs.slice(0, n * n)), B: Float64Array.from(xs.slice(n * n)) }));

const same = (x: Float64Array, y: Float64Array): boolean => x.length === y.length && x.every((v, k) => Object.is(v, y[k]));

describe('squareProduct', () => {
  test.prop([pair], { numRuns: 400 })('gives the plain loop’s values bit for bit', ({ n, A, B }) => {
    expect(same(squareProduct(A, B, n), plain(A, B, n))).toBe(true);
  });

  test.prop([fc.integer({ min: 20, max: 70 }), fc.integer()], { numRuns: 20 })('and at the sizes the bounds use', (n, seed) => {
    let s = seed >>> 0;
    const next = (): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32 - 0.5;
    };
    const A = Float64Array.from({ length: n * n }, () => (next() > 0.45 ? 0 : next()));
    const B = Float64Array.from({ length: n * n }, next);
    expect(same(squareProduct(A, B, n), plain(A, B, n))).toBe(true);
    expect(same(squareProduct(B, A, n), plain(B, A, n))).toBe(true);
  });

  test.prop([pair])('absolute takes |·| entrywise', ({ A }) => {
    expect(same(absolute(A), A.map(Math.abs))).toBe(true);
  });
});
