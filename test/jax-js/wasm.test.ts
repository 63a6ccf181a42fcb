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

  it('passes the adjoint test, forward against reverse mode, and Pascanu\'s bound in every variant', () => {
    const results = run.result().results;
    for (const x of results.filter((x) => x.property === 'adjoint' || x.property === 'gradient-bound')) {
      expect(x.verdict, `${x.property} ${x.target.variant} ${x.target.dtype}`).not.toBe('fail');
    }
    expect(results.filter((x) => x.property === 'adjoint' && x.verdict === 'pass').map((x) => x.target.variant)).toEqual(
      ['vjp', 'vjp', 'jit-vjp', 'jit-vjp', 'grad', 'grad', 'jit-grad', 'jit-grad']);
  });
});
