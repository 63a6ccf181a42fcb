import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/contract.js';
import { evaluatesCancellation, type SigmaCase } from '../../scripts/findingPredicates.mjs';
import { isWebgpuAccuracyLoss, KNOWN_FAILURES, runTfjs, tfjsAdapter, unexpectedFailures } from './tfjsRun.js';

/**
 * WebGPU needs a driver Dawn can use (on a machine without a GPU, Mesa's lavapipe from Debian
 * bookworm-backports; .ci/run installs it). Elsewhere these tests skip and say why, unless
 * RNN_JAC_SPEC_REQUIRE_WEBGPU=1 (set by .ci/run), where a backend that cannot start fails them.
 */
const required = process.env.RNN_JAC_SPEC_REQUIRE_WEBGPU === '1';
let adapter: Adapter | undefined;
let missing = '';
try {
  adapter = await tfjsAdapter('webgpu');
} catch (err) {
  missing = err instanceof Error ? err.message : String(err);
  if (!required) console.warn(`tfjs webgpu tests skipped: ${missing}`);
}

describe.skipIf(adapter === undefined && !required)('tfjs adapter on the webgpu backend', () => {
  beforeAll(() => {
    if (adapter === undefined) throw new Error(`RNN_JAC_SPEC_REQUIRE_WEBGPU=1 but the webgpu backend did not start: ${missing}`);
  });
  afterAll(() => adapter?.dispose?.());

  it('runs on a WebGPU adapter found by Dawn', async () => {
    expect(await adapter!.info!()).toMatchObject({ backend: 'webgpu', device: expect.stringMatching(/^WebGPU \(Dawn\)/) });
  });

  it('computes the right formulas: every failure is the known SimpleRNN throw or lost accuracy where finding 2 says, never a wrong form', async () => {
    const r = await runTfjs(adapter!, 'webgpu', { runs: 10, maxN: 16 });
    expect(unexpectedFailures(r, KNOWN_FAILURES)).toEqual([]);
    expect(r.summary.pass).toBeGreaterThanOrEqual(12);
  });

  it('finds the cancellation in its elementwise functions: the gradients of an elu case, exp(a) − 1.0 just below 0, fail (tfjs finding 2)', async () => {
    const r = await runTfjs(adapter!, 'webgpu', { runs: 100, variant: 'grads', properties: ['parameter-gradients'] });
    const [result] = r.results;
    expect(result.verdict).toBe('fail');
    expect(isWebgpuAccuracyLoss(result), result.counterexample!.failure.summary).toBe(true);
    expect((result.counterexample!.case as unknown as SigmaCase).activation.name).toBe('elu');
    expect(evaluatesCancellation(result.counterexample!.case as unknown as SigmaCase)).toBe(true);
  });
});
