/**
 * The onnxruntime adapter on the CPU provider: what it declares, that sessions are cached and
 * released, and that a short run's failures are the documented accuracy findings, never a wrong form.
 */
import { flushedToZero } from '../../scripts/findingPredicates.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { Adapter } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import type { PropertyResult } from '../../src/runner/result.js';
import { run } from '../../src/runner/run.js';

/** Diagnoses that mean "right formula, lost accuracy" (the README's ONNX Runtime findings). */
const ACCURACY = ['inaccurate', 'reduced-precision'];

/**
 * ONNX Runtime's cpu Sigmoid is accurate in absolute terms only (finding 1), and at the far end it is
 * exactly 0: in float64 for x < ln 2⁻⁵³ ≈ −36.7 (scripts/onnxruntime-overflow-repros.mjs, part 1),
 * in float32 for x < −18 (scripts/onnxruntime-sigmoid-tail.mjs), where the true σ(x) ≈ eˣ is
 * representable (in float64 down to x ≈ −708). A state (sigmoid), a central difference of states, or a
 * derivative through the VJP rules' σ' = y·(1 − y) (sigmoid, and softplus, whose derivative is
 * Sigmoid) is then 0 instead of a tiny number. The relative error is 1, so no accuracy diagnosis fits
 * (and on the shrunk forward case a wrong form, Wᵀ, happens to give 0 as well). A failure is this
 * one when every entry beyond its tolerance is exactly 0 where the expected value is nonzero and below
 * √u: what is lost is about u times the factors that multiply σ or σ'. A 0 where an O(1) value is
 * expected, or any other wrong value, is not.
 */
function sigmoidFlushedToZero(r: PropertyResult): boolean {
  const f = r.counterexample?.failure;
  const act = (r.counterexample?.case.activation as { name?: string } | undefined)?.name;
  const throughSigmoid = act === 'sigmoid' || (act === 'softplus' && r.target.variant === 'gradient-graph' && r.property !== 'forward');
  if (!['gradient-graph', 'finite-difference'].includes(r.target.variant ?? '') || !throughSigmoid) return false;
  return flushedToZero(f, r.target.dtype);
}

/** ln of float32's largest number: e^x overflows past it. */
const LN_FLT_MAX = Math.log(3.4028234663852886e38);

/**
 * The RNN op's Softplus is log(1 + eˣ) in float32: +Infinity for x > ln(FLT_MAX) ≈ 88.72, where
 * softplus(x) ≈ x (the standalone Softplus op is right; scripts/onnxruntime-overflow-repros.mjs,
 * part 2). A failure is this one when it is the forward states of rnn-op with softplus, the first
 * non-finite element is +Infinity, and that state's pre-activation, computed here in float64 from the
 * case along the true trajectory, is past the overflow point (less float32 rounding of the sum).
 */
function rnnSoftplusOverflow(r: PropertyResult): boolean {
  const ce = r.counterexample;
  if (r.target.variant !== 'rnn-op' || r.property !== 'forward' || ce?.failure.kind !== 'non-finite') return false;
  const c = ce.case as { n: number; m: number; T: number; W: number[]; U: number[]; b: number[]; x0: number[]; us: number[]; form: string; activation: { name: string } };
  const k = /: element (\d+) is Infinity \(/.exec(ce.failure.summary)?.[1];
  if (k === undefined || c.activation.name !== 'softplus' || c.form !== 'elman') return false;
  const [t, i] = [Math.floor(Number(k) / c.n), Number(k) % c.n];
  const softplus = (a: number) => Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
  let x = c.x0;
  for (let s = 0; s <= t; s++) {
    const a = x.map((_, p) => c.b[p] + x.reduce((acc, xq, q) => acc + c.W[p * c.n + q] * xq, 0) + c.us.slice(s * c.m, (s + 1) * c.m).reduce((acc, uq, q) => acc + c.U[p * c.m + q] * uq, 0));
    if (s === t) return a[i] > LN_FLT_MAX * (1 - 2 ** -12);
    x = a.map(softplus);
  }
  return false;
}

/**
 * A failure that is not one of the documented accuracy findings. Findings 1 to 5 show as accuracy
 * diagnoses; the RNN op's tanh flattens tiny arguments to 0 (finding 4), which no known form can
 * describe; and the two above, found in the exp-overflow state region.
 */
function unexpected(r: PropertyResult): boolean {
  if (r.verdict !== 'fail') return false;
  const d = r.counterexample?.failure.diagnosis?.id;
  const rnnTanhFlat = r.target.variant === 'rnn-op' && d === 'unknown';
  return !(d !== undefined && ACCURACY.includes(d)) && !rnnTanhFlat && !sigmoidFlushedToZero(r) && !rnnSoftplusOverflow(r);
}

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

  it('fails only with accuracy diagnoses on a short run of every variant, dtype and property', async () => {
    const r = await run({
      adapter, adapterSpec: 'onnxruntime', properties: PROPERTY_IDS, runs: 15, seed: 12115063, maxN: 12, maxT: 6, timeoutMs: 60_000, opts: {},
    });
    expect(r.results.filter(unexpected).map((x) => `${x.property} ${x.target.variant} ${x.target.dtype}: ${x.counterexample?.failure.summary}`)).toEqual([]);
    expect(r.summary.pass).toBeGreaterThanOrEqual(10);
    // Targets: gradient-graph and finite-difference in both dtypes, rnn-op in float32 only.
    expect(new Set(r.results.map((x) => `${x.target.variant}/${x.target.dtype}`)).size).toBe(5);
  });
});
