/**
 * Reading an adapter's result: every wrong length, non-number and NaN/Infinity is a failure of the
 * case, said in words a maintainer reads without our code; a float typed array is taken without a
 * copy only where the caller owns it.
 */
import { describe, expect, it } from 'vitest';
import { CaseFailure } from '../../src/check/caseFailure.js';
import { toFloat64 } from '../../src/check/toFloat64.js';

function failure(value: unknown, length: number, shape: string): { kind: string; summary: string } {
  try {
    toFloat64(value, length, 'J', shape);
  } catch (e) {
    if (e instanceof CaseFailure) return { kind: e.data.kind, summary: e.data.summary };
    throw e;
  }
  throw new Error('no failure');
}

describe('toFloat64', () => {
  it.each([
    [undefined, 'J: the adapter returned undefined, not an array of 4 numbers (2×2)'],
    [null, 'J: the adapter returned null, not an array of 4 numbers (2×2)'],
    [3, 'J: the adapter returned number 3, not an array of 4 numbers (2×2)'],
  ])('names what came back instead of an array: %s', (value, summary) => {
    expect(failure(value, 4, '2×2')).toEqual({ kind: 'wrong-shape', summary });
  });

  it('says row-major for a matrix, not for a vector', () => {
    expect(failure([1, 2, 3], 4, '2×2').summary).toBe('J: the adapter returned 3 numbers, expected 4 (2×2, row-major)');
    expect(failure([1], 2, 'a vector of 2').summary).toBe('J: the adapter returned 1 numbers, expected 2 (a vector of 2)');
  });

  it('finds NaN and Infinity in typed and plain arrays, at their index', () => {
    expect(failure(Float64Array.of(1, Number.NaN), 2, 'a vector of 2')).toEqual({
      kind: 'non-finite',
      summary: 'J: element 1 is NaN (the result must be finite)',
    });
    expect(failure(Float32Array.of(Number.POSITIVE_INFINITY, 1), 2, 'a vector of 2').kind).toBe('non-finite');
    expect(failure([1, Number.NEGATIVE_INFINITY], 2, 'a vector of 2').kind).toBe('non-finite');
  });

  it('copies unless the caller owns the array', () => {
    const a = Float64Array.of(1, 2);
    expect(toFloat64(a, 2, 'J', 'a vector of 2')).not.toBe(a);
    expect(toFloat64(a, 2, 'J', 'a vector of 2', true)).toBe(a);
    expect(Array.from(toFloat64(Float32Array.of(0.5, 2), 2, 'J', 'a vector of 2', true))).toEqual([0.5, 2]);
  });
});
