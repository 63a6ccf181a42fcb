/**
 * RJS-TOL-6's higher-order remainder: a correct float32 product whose exact suffixes cancel to zero
 * where their absolute-value chains do not (the calibration's false failure under spec 1.0.0: elman,
 * identity, n = 21, T = 13, so every J_t is W). Both accumulation orders of a plain float32 product must
 * lie within the bound; a transposed product must not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SequenceCase } from '../../src/contract.js';
import { expectedSequenceJacobian } from '../../src/model/expected.js';

const raw = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'cancelling-chain.json'), 'utf8')) as { case: Record<string, unknown> };
const arr = (k: string): Float64Array => Float64Array.from(raw.case[k] as number[]);
const c = { ...(raw.case as unknown as SequenceCase), W: arr('W'), U: arr('U'), b: arr('b'), x0: arr('x0'), us: arr('us'), variant: undefined };
const { n, T } = c;
const f = Math.fround;

/** A·B with every product and partial sum rounded to float32, summed left to right. */
function mm32(A: Float64Array, B: Float64Array): Float64Array {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < n; l++) s = f(s + f(A[i * n + l] * B[l * n + j]));
      C[i * n + j] = s;
    }
  return C;
}

/** W^T in float32, from the left (reverse mode) or from the right (forward mode). */
function power(W: Float64Array, fromLeft: boolean): Float64Array {
  let P: Float64Array = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
  for (let t = 0; t < T; t++) P = fromLeft ? mm32(P, W) : mm32(W, P);
  return P;
}

const worstRatio = (actual: Float64Array): number => {
  const E = expectedSequenceJacobian(c);
  return Math.max(...Array.from(actual, (a, i) => Math.abs(a - E.v[i]) / E.e[i]));
};

describe('chain bound with cancelling suffixes (RJS-TOL-6)', () => {
  it('is an elman identity case, so that the sequence Jacobian is W to the power T', () => {
    expect([c.form, c.activation.name, n, T]).toEqual(['elman', 'identity', 21, 13]);
  });
  it.each([
    ['left to right (reverse mode)', true],
    ['right to left (forward mode)', false],
  ])('holds a plain float32 product accumulated %s', (_name, fromLeft) => {
    expect(worstRatio(power(c.W, fromLeft))).toBeLessThanOrEqual(1);
  });
  it('still fails a transposed product', () => {
    const Wt = Float64Array.from(c.W, (_, k) => c.W[(k % n) * n + Math.floor(k / n)]);
    expect(worstRatio(power(Wt, true))).toBeGreaterThan(1);
  });
});
