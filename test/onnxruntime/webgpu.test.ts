/**
 * The onnxruntime adapter on ONNX Runtime's bundled WebGPU provider, with the CPU fallback disabled.
 * Skips (saying why) where no WebGPU adapter is found, unless RNN_JAC_SPEC_REQUIRE_WEBGPU=1 (.ci/run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { Adapter } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { run } from '../../src/runner/run.js';
import { isEluCancellation, isWebgpuAccuracyLoss, unexpectedFailures } from './ortFindings.js';

const required = process.env.RNN_JAC_SPEC_REQUIRE_WEBGPU === '1';
let adapter: Adapter | undefined;
let missing = '';
try {
  adapter = await loadAdapter('onnxruntime', { backend: 'webgpu' });
} catch (err) {
  missing = err instanceof Error ? err.message : String(err);
  if (!required) console.warn(`onnxruntime webgpu tests skipped: ${missing}`);
}

describe.skipIf(adapter === undefined && !required)('onnxruntime adapter on the webgpu provider', () => {
  beforeAll(() => {
    if (adapter === undefined) throw new Error(`RNN_JAC_SPEC_REQUIRE_WEBGPU=1 but the webgpu provider did not start: ${missing}`);
  });
  afterAll(() => adapter?.dispose?.());

  it('computes in float32 only and offers no rnn-op variant: the provider has no kernel for the RNN op', async () => {
    expect(adapter!.dtypes).toEqual(['float32']);
    expect(adapter!.variants).toEqual(['gradient-graph', 'finite-difference']);
    expect((await adapter!.info!()).notes).toContain('has no kernel for the ONNX RNN op');
  });

  it('runs the derived gradient graphs on the GPU provider: failures are its documented accuracy findings, never a wrong form', async () => {
    const r = await run({
      adapter: adapter!,
      adapterSpec: 'onnxruntime',
      backend: 'webgpu',
      properties: PROPERTY_IDS,
      runs: 10,
      seed: 12115063,
      maxN: 12,
      maxT: 6,
      timeoutMs: 60_000,
      opts: {},
    });
    // Findings 5 and 6 (Tanh near 0, exp past WGSL's accuracy) and 3 (Elu near 0), each diagnosed as lost accuracy.
    expect(unexpectedFailures(r.results, [isWebgpuAccuracyLoss, isEluCancellation])).toEqual([]);
    expect(r.summary.pass).toBeGreaterThanOrEqual(6);
  });
});
