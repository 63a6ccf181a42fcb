import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { StepCase } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { runTfjs, tfjsAdapter } from './tfjsRun.js';

/** Tensors tfjs still holds for the tape of its last gradient computation (tfjs internals, read only). */
function savedOnStaleTape(): number {
  const tape = (tf.engine() as unknown as { state: { activeTape: { saved?: unknown[] }[] | null } }).state.activeTape;
  return (tape ?? []).reduce((s, node) => s + (node.saved?.length ?? 0), 0);
}

describe('tfjs adapter memory', () => {
  it('leaves tf.memory().numTensors unchanged over 200+ cases of every capability that tfjs completes', async () => {
    const adapter = await tfjsAdapter('cpu');
    // One warm-up case per property: tfjs may create lasting tensors on first use of a kernel.
    await runTfjs(adapter, 'cpu', { runs: 1, maxN: 8, variant: 'grads' });
    const before = tf.memory().numTensors;
    const grads = await runTfjs(adapter, 'cpu', { runs: 15, maxN: 16, variant: 'grads' });
    const layers = await runTfjs(adapter, 'cpu', { runs: 15, maxN: 16, variant: 'layers', properties: PROPERTY_IDS.filter((p) => p !== 'input-jacobian') });
    expect(grads.summary.fail + layers.summary.fail).toBe(0);
    expect(grads.summary.cases + layers.summary.cases).toBeGreaterThanOrEqual(200);
    expect(tf.memory().numTensors).toBe(before);
    await adapter.dispose?.();
  });

  it('when tfjs throws inside backpropagation, every tensor left behind is one tfjs keeps on its stale tape, none of ours', async () => {
    const adapter = await tfjsAdapter('cpu');
    const c: StepCase = {
      n: 2,
      m: 1,
      W: Float64Array.of(0, 0.5, 0, 0),
      x: Float64Array.of(0.25, -0.5),
      U: Float64Array.of(1, 1),
      u: Float64Array.of(0.5),
      b: Float64Array.of(0.0625, 0.0625),
      activation: { name: 'tanh' },
      dtype: 'float32',
      form: 'elman',
      variant: 'layers',
    };
    const before = tf.memory().numTensors;
    await expect(Promise.resolve().then(() => adapter.inputJacobian!(c))).rejects.toThrow(/Argument tensors passed to stack/);
    const leaked = tf.memory().numTensors - before;
    expect(leaked, 'tfjs 4.22 disposes saved tensors only when backpropagation succeeds').toBeGreaterThan(0);
    expect(leaked).toBe(savedOnStaleTape());
    expect(leaked, 'the count reports/conformance/tfjs/FINDINGS.md quotes').toBe(23);
    await adapter.dispose?.();
  });
});
