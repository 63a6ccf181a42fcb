/**
 * The onnxruntime adapter on the CPU provider: what it declares, and that a short run's failures are
 * the documented findings (ortFindings.ts), each in its own region, never a wrong form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { Adapter } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { run } from '../../src/runner/run.js';
import { unexpectedFailures } from './ortFindings.js';

describe('onnxruntime adapter on the cpu provider', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await loadAdapter('onnxruntime', { backend: 'cpu' });
  });
  afterAll(() => adapter.dispose?.());

  it('declares float64 and float32, three variants, and narrows what ONNX Runtime has no kernel for', async () => {
    expect(adapter.dtypes).toEqual(['float64', 'float32']);
    expect(adapter.variants).toEqual(['gradient-graph', 'finite-difference', 'rnn-op']);
    expect(adapter.dtypeActivations?.float64).not.toContain('elu');
    expect(adapter.variantScopes?.['rnn-op']).toMatchObject({ forms: ['elman'], dtypes: ['float32'], finiteDifference: { step: 2 ** -12 } });
    const info = await adapter.info!();
    const { env } = await import('onnxruntime-node');
    expect(info).toMatchObject({ framework: 'onnxruntime-node', version: env.versions.node, backend: 'cpu' });
    expect(info.notes).toContain('has a float32 kernel for the ONNX RNN op');
  });

  it('fails only with the documented findings on a short run of every variant, dtype and property', async () => {
    const r = await run({
      adapter,
      adapterSpec: 'onnxruntime',
      properties: PROPERTY_IDS,
      runs: 15,
      seed: 12115063,
      maxN: 12,
      maxT: 6,
      timeoutMs: 60_000,
      opts: {},
    });
    expect(unexpectedFailures(r.results)).toEqual([]);
    expect(r.summary.pass).toBeGreaterThanOrEqual(10);
    // Targets: gradient-graph and finite-difference in both dtypes, rnn-op in float32 only.
    expect(new Set(r.results.map((x) => `${x.target.variant}/${x.target.dtype}`)).size).toBe(5);
  });
});
