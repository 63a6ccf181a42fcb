/**
 * The jax-js adapter releases every array it creates: jax-js counts references by hand (arrays are
 * consumed by the operations they are passed to), so a missing dispose leaks a device buffer. The
 * count is the device's live buffers (liveBuffers.ts). Two leaks are jax-js's own, and are measured
 * here with their minimal repros: eager `jax.jacfwd` never releases the primal output of the JVP it
 * maps, and `jax.jacrev` keeps the constants of its linearization when its pullback throws.
 */
import * as jax from '@jax-js/jax';
import { describe, expect, it } from 'vitest';
import type { Adapter, StepCase } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { countBuffers, type BufferCount } from './liveBuffers.js';
import { jaxAdapter, runJax } from './jaxRun.js';

const np = jax.numpy;

/** Runs `body` with the wasm adapter and a buffer count started after the adapter. */
async function counting(body: (adapter: Adapter, buffers: BufferCount) => Promise<void>): Promise<void> {
  const adapter = await jaxAdapter('wasm');
  const buffers = await countBuffers('wasm');
  try {
    await body(adapter, buffers);
  } finally {
    buffers.stop();
    await adapter.dispose?.();
  }
}

describe('jax-js adapter memory', () => {
  it("leaves the wasm device's live buffers unchanged over 200+ cases of every variant but eager jacfwd", () =>
    counting(async (adapter, buffers) => {
      let cases = 0;
      for (const variant of adapter.variants!.filter((v) => v !== 'jacfwd')) {
        // jacrev's input Jacobian throws for m ≠ n (the last test); every other property completes.
        const properties = PROPERTY_IDS.filter((p) => !(variant.endsWith('jacrev') && p === 'input-jacobian'));
        cases += (await runJax(adapter, 'wasm', { runs: 2, maxN: 6, maxT: 3, variant, properties })).summary.cases;
      }
      expect(cases).toBeGreaterThanOrEqual(200);
      expect(buffers.live()).toBe(0);
    }));

  it('eager jax.jacfwd leaks the primal output of every call (jit-jacfwd does not); jax.jacrev releases everything', () =>
    counting(async (adapter, buffers) => {
      const W = np.array(Float32Array.of(1, 2, 3, 4)).reshape([2, 2]);
      const f = (x: jax.Array) => np.matmul(W.ref, x);
      await jax
        .jacrev(f)(np.array(Float32Array.of(0.5, 0.25)))
        .data();
      expect(buffers.live(), 'jacrev: W only').toBe(1);
      await jax
        .jacfwd(f)(np.array(Float32Array.of(0.5, 0.25)))
        .data();
      expect(buffers.live(), 'jacfwd: W and two buffers of the discarded primal W·x').toBe(3);
      W.dispose();
      const c: StepCase = {
        n: 3,
        m: 2,
        W: Float64Array.of(0, 0.5, 0, 0.25, 0, 0, 0, 0, 1),
        x: Float64Array.of(0.25, -0.5, 1),
        U: Float64Array.of(1, 1, 0, 2, 0.5, 0),
        u: Float64Array.of(0.5, 2),
        b: Float64Array.of(0.0625, 0.0625, 1),
        activation: { name: 'tanh' },
        dtype: 'float64',
        form: 'elman',
        variant: 'jit-jacfwd',
      };
      const before = buffers.live();
      await adapter.stepJacobian(c);
      expect(buffers.live() - before, 'jit-jacfwd').toBe(0);
      await adapter.stepJacobian({ ...c, variant: 'jacfwd' });
      expect(buffers.live() - before, 'jacfwd, eager').toBeGreaterThan(0);
    }));

  it('when jax.jacrev throws for a non-square Jacobian, it keeps references to the constants of its linearization', () =>
    counting(async (adapter, buffers) => {
      const U = np.array(Float64Array.of(1, 3)).reshape([2, 1]);
      expect(() => jax.jacrev((u: jax.Array) => np.matmul(U.ref, u))(np.array(Float64Array.of(0.5)))).toThrow(/unbroadcast shape mismatch/);
      expect(U.refCount, 'ours and two that jax-js never releases').toBe(3);
      const c: StepCase = {
        n: 2,
        m: 1,
        W: Float64Array.of(0, 0.5, 0, 0),
        x: Float64Array.of(0.25, -0.5),
        U: Float64Array.of(1, 1),
        u: Float64Array.of(0.5),
        b: Float64Array.of(0.0625, 0.0625),
        activation: { name: 'tanh' },
        dtype: 'float64',
        form: 'pascanu',
        variant: 'jacrev',
      };
      const before = buffers.live();
      await expect(Promise.resolve().then(() => adapter.inputJacobian!(c))).rejects.toThrow(/unbroadcast shape mismatch/);
      expect(buffers.live() - before, 'U, held by the abandoned linearization').toBe(1);
    }));
});
