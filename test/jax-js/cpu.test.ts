/**
 * The jax-js adapter on its cpu device (jax-js's interpreter, evaluating every kernel in float64):
 * a short run of every variant, dtype and property, whose every failure must be a documented finding.
 */
import { describe, expect, it } from 'vitest';
import { isJacfwdTranspose, isJacrevNonSquare, KNOWN_FAILURES, shortRun, unexpectedFailures } from './jaxRun.js';

describe('jax-js adapter on the cpu device', () => {
  const run = shortRun('cpu');

  it('fails only with the documented findings', () => {
    expect(unexpectedFailures(run.result(), KNOWN_FAILURES)).toEqual([]);
  });

  it('in float32 fails only where the transformations are wrong: jacfwd\'s transpose and jacrev\'s non-square Jacobians', () => {
    const failed = run.result().results.filter((x) => x.target.dtype === 'float32' && x.verdict === 'fail');
    expect(failed.filter((x) => !isJacfwdTranspose(x) && !isJacrevNonSquare(x))).toEqual([]);
    expect(new Set(failed.map((x) => x.target.variant))).toEqual(new Set(['jacrev', 'jit-jacrev', 'jacfwd', 'jit-jacfwd']));
  });

  it('records the subgradient jax-js uses at each kink', () => {
    const kink = run.result().results.find((x) => x.property === 'kink-subgradient' && x.target.variant === 'vjp' && x.target.dtype === 'float32')!;
    expect(kink.verdict).toBe('pass');
    expect(kink.observations?.length).toBeGreaterThan(0);
  });
});
