import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { spectralNormLower, spectralNormUpper } from '../../src/linalg/normEstimates.js';
import { spectralNorm } from '../../src/linalg/spectralNorm.js';

/** A rows×cols matrix with entries of mixed scale, some exact zeros, and sometimes rank one. */
const matrix = fc
  .record({ rows: fc.integer({ min: 1, max: 24 }), cols: fc.integer({ min: 1, max: 24 }), rankOne: fc.boolean() })
  .chain(({ rows, cols, rankOne }) =>
    fc.tuple(
      fc.constant(rows),
      fc.constant(cols),
      fc.float64Array({ minLength: rows * cols, maxLength: rows * cols, noNaN: true, noDefaultInfinity: true, min: -1e3, max: 1e3 }),
      fc.constant(rankOne),
    ),
  )
  .map(([rows, cols, a, rankOne]) => {
    const A = rankOne ? a.map((_, k) => a[Math.floor(k / cols)] * a[k % cols]) : a;
    return { rows, cols, A: A.map((x) => (Math.abs(x) < 1e-3 ? 0 : x)) };
  });

describe('spectral norm estimates', () => {
  test.prop([matrix], { numRuns: 300 })('lower ≤ the one-sided Jacobi value ≤ upper', ({ rows, cols, A }) => {
    const s = spectralNorm(A, rows, cols);
    expect(spectralNormLower(A, rows, cols)).toBeLessThanOrEqual(s);
    expect(spectralNormUpper(A, rows, cols)).toBeGreaterThanOrEqual(s);
  });

  test('both are exact-ish where the answer is known, and NaN is never taken for a bound', () => {
    const I = Float64Array.from({ length: 9 }, (_, k) => (k % 4 === 0 ? 1 : 0));
    expect(spectralNormLower(I, 3, 3)).toBeCloseTo(1, 10);
    expect(spectralNormUpper(I, 3, 3)).toBeCloseTo(1, 10);
    expect(spectralNormLower(new Float64Array(4), 2, 2)).toBe(0);
    expect(spectralNormUpper(Float64Array.of(1, Number.NaN, 0, 1), 2, 2) <= 10).toBe(false);
  });
});
