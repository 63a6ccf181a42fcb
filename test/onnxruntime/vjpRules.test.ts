/**
 * The differentiator against the reference, and a wrong VJP rule (MatMul's transposed operand)
 * caught by the suite with a transpose diagnosis.
 */
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientGraphVariant } from '../../adapters/onnxruntime/gradientGraph.js';
import { provider } from '../../adapters/onnxruntime/providers.js';
import { SessionCache } from '../../adapters/onnxruntime/sessions.js';
import { vjpRules, type VjpRule } from '../../adapters/onnxruntime/vjpRules.js';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Adapter } from '../../src/contract.js';
import { run } from '../../src/runner/run.js';

const cache = new SessionCache(ort, provider(ort, 'cpu'));
afterAll(() => cache.release());

/** An adapter over the gradient-graph variant built with `rules`. */
function adapterWith(rules: Readonly<Record<string, VjpRule>>): Adapter {
  const v = gradientGraphVariant(cache, rules);
  return {
    // Activations whose ONNX Runtime kernels are accurate in float64 (see findings 1 and 2 of
    // reports/conformance/onnxruntime/FINDINGS.md, on Sigmoid and on LeakyRelu's float32 alpha): this test is about the layout the rules produce.
    name: 'onnxruntime-rules',
    dtypes: ['float64'],
    activations: ['identity', 'tanh', 'relu'],
    forms: ['pascanu', 'elman'],
    stepJacobian: v.stepJacobian,
    sequenceJacobian: v.sequenceJacobian,
    parameterGradients: v.parameterGradients,
  };
}

function runOn(adapter: Adapter) {
  return run({
    adapter,
    adapterSpec: 'onnxruntime-rules',
    properties: ['step-jacobian', 'sequence-jacobian', 'parameter-gradients'],
    runs: DEFAULTS.runs,
    seed: DEFAULTS.seed,
    maxN: 16,
    maxT: 8,
    timeoutMs: 60_000,
    opts: {},
  });
}

describe('VJP rules', () => {
  it('as written, pass step, sequence and BPTT properties in float64', async () => {
    const r = await runOn(adapterWith(vjpRules));
    expect(r.results.map((x) => x.verdict)).toEqual(['pass', 'pass', 'pass']);
  });

  it("MatMul's rule with B in place of Bᵀ (dA = dC·B) is caught as a transpose, shrunk to n = 2", async () => {
    const wrong: VjpRule = (g, n, dy) => [
      g.op('MatMul', [dy, n.in[1]]),
      g.op('MatMul', [g.op('Transpose', [n.in[0]], { perm: { kind: 'ints', value: [1, 0] } }), dy]),
    ];
    const r = await runOn(adapterWith({ ...vjpRules, MatMul: wrong }));
    const step = r.results.find((x) => x.property === 'step-jacobian')!;
    expect(step.verdict).toBe('fail');
    expect(step.counterexample!.failure.diagnosis!.id).toMatch(/^transpose/);
    expect(step.counterexample!.case.n).toBe(2);
  });
});
