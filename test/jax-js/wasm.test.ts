/**
 * The jax-js adapter on its default device, wasm: a short run of every variant, dtype and property,
 * whose every failure must be a documented jax-js finding (jaxRun.ts).
 */
import { describe, expect, it } from 'vitest';
import { isJacfwdTranspose, isJacrevNonSquare, KNOWN_FAILURES, shortRun, unexpectedFailures } from './jaxRun.js';

describe('jax-js adapter on the wasm device', () => {
  const run = shortRun('wasm');

  it('starts the WebAssembly device', async () => {
    expect(await run.adapter().info!()).toMatchObject({ backend: 'wasm', device: expect.stringMatching(/^WebAssembly/) });
  });

  it('fails only with the documented findings', () => {
    expect(unexpectedFailures(run.result(), KNOWN_FAILURES)).toEqual([]);
  });

  it('finds jacfwd transposed and jacrev unable to take a non-square Jacobian, eager and under jit, in both dtypes', () => {
    const results = run.result().results;
    for (const dtype of ['float32', 'float64']) {
      for (const v of ['jacfwd', 'jit-jacfwd']) expect(results.some((x) => x.target.variant === v && x.target.dtype === dtype && isJacfwdTranspose(x)), `${v} ${dtype}`).toBe(true);
      for (const v of ['jacrev', 'jit-jacrev']) expect(results.some((x) => x.target.variant === v && x.target.dtype === dtype && isJacrevNonSquare(x)), `${v} ${dtype}`).toBe(true);
    }
  });

  it('finds float64 on wasm only float32-accurate: the float64 step Jacobian fails with reduced precision in every variant', () => {
    const step = run.result().results.filter((x) => x.property === 'step-jacobian' && x.target.dtype === 'float64' && !x.target.variant!.includes('jacfwd'));
    expect(step.map((x) => x.counterexample?.failure.diagnosis?.id)).toEqual(step.map(() => 'reduced-precision'));
  });

  it('passes the adjoint test and Pascanu\'s bound in float32 in every variant; in float64 RJS-ADJ\'s value checks see the wasm float64 finding', () => {
    const results = run.result().results;
    for (const x of results.filter((x) => x.property === 'gradient-bound' || (x.property === 'adjoint' && x.target.dtype === 'float32'))) {
      expect(x.verdict, `${x.property} ${x.target.variant} ${x.target.dtype}`).not.toBe('fail');
    }
    const adjoint = results.filter((x) => x.property === 'adjoint');
    expect(adjoint.filter((x) => x.verdict === 'pass').map((x) => x.target.variant)).toEqual(['vjp', 'jit-vjp', 'grad', 'jit-grad']);
    // The VJP is compared with Jᵀ·v entry by entry: float64 on wasm is only float32-accurate.
    const f64 = adjoint.filter((x) => x.verdict === 'fail');
    expect(f64.map((x) => [x.target.dtype, x.counterexample?.failure.diagnosis?.id])).toEqual(f64.map(() => ['float64', 'reduced-precision']));
  });
});
