/**
 * The `gradient-graph` variant: every derivative from a gradient graph that gradients.ts derives
 * from the forward graph by per-op VJP rules, run by the provider in one `session.run`.
 */
import type { LossCase, ParameterGradients, SequenceCase, StepCase } from '../../src/contract.js';
import { identity, inputFeeds, tiledRows, weightFeeds } from './cases.js';
import { buildModel, modelKey, type ModelSpec } from './models.js';
import type { SessionCache } from './sessions.js';
import type { VjpRule } from './vjpRules.js';

type Dt = 'float32' | 'float64';

/** The capabilities of a variant that reads derivatives off ONNX graphs. */
export interface OnnxVariant {
  stepJacobian(c: StepCase): Promise<Float64Array>;
  inputJacobian(c: StepCase): Promise<Float64Array>;
  sequenceJacobian?(c: SequenceCase): Promise<Float64Array>;
  parameterGradients?(c: LossCase): Promise<ParameterGradients>;
  vjp?(c: StepCase, v: Float64Array): Promise<Float64Array>;
  forward(c: SequenceCase): Promise<Float64Array>;
}

const ruleSets = new WeakMap<object, number>();
let ruleSetCount = 0;
/** A number per distinct rule-set object. */
function ruleSetId(rules: object): number {
  if (!ruleSets.has(rules)) ruleSets.set(rules, ++ruleSetCount);
  return ruleSets.get(rules)!;
}

/** A step case as a one-step sequence. */
export function asSequence(c: StepCase): SequenceCase {
  return { ...c, T: 1, x0: c.x, us: c.u };
}

/** Creates the variant over a session cache; `rules` replaces VJP rules (tests only). */
export function gradientGraphVariant(cache: SessionCache, rules?: Readonly<Record<string, VjpRule>>): OnnxVariant {
  // Sessions built with other rules must not be shared with these: the rule set is part of the key.
  const prefix = rules === undefined ? '' : `rules-${ruleSetId(rules)}|`;
  const run = (spec: ModelSpec, feeds: Parameters<SessionCache['run']>[3]) =>
    cache.run(`${prefix}${modelKey(spec)}`, () => buildModel(spec, rules), spec.dtype, feeds);
  const specOf = (c: SequenceCase, kind: ModelSpec['kind'], Bx: number, Bu: number): ModelSpec => ({
    kind,
    form: c.form,
    activation: c.activation,
    dtype: c.dtype as Dt,
    n: c.n,
    m: c.m,
    T: c.T,
    Bx,
    Bu,
  });
  /** Rows of ∂x_T/∂x_0 for cotangents dY (B×n): one VJP per row. */
  const stateGrad = async (c: SequenceCase, dY: Float64Array, B: number): Promise<Float64Array> => {
    const out = await run(specOf(c, 'stateGrad', B, 1), {
      ...weightFeeds(c),
      ...inputFeeds(c),
      X0: { data: tiledRows(c.x0, B), dims: [B, c.n] },
      dY: { data: dY, dims: [B, c.n] },
    });
    return out.dX0;
  };
  return {
    stepJacobian: (c) => stateGrad(asSequence(c), identity(c.n), c.n),
    sequenceJacobian: (c) => stateGrad(c, identity(c.n), c.n),
    vjp: (c, v) => stateGrad(asSequence(c), v, 1),
    inputJacobian: async (c) => {
      const out = await run(specOf(asSequence(c), 'inputGrad', 1, c.n), {
        ...weightFeeds(c),
        X0: { data: c.x, dims: [1, c.n] },
        u0: { data: tiledRows(c.u, c.n), dims: [c.n, c.m] },
        dY: { data: identity(c.n), dims: [c.n, c.n] },
      });
      return out.du;
    },
    parameterGradients: async (c) => {
      const cs: Parameters<SessionCache['run']>[3] = {};
      for (let t = 0; t < c.T; t++) cs[`c${t}`] = { data: c.cs.subarray(t * c.n, (t + 1) * c.n), dims: [1, c.n] };
      const out = await run(specOf(c, 'bptt', 1, 1), { ...weightFeeds(c), ...inputFeeds(c), ...cs, X0: { data: c.x0, dims: [1, c.n] } });
      return { W: out.dW, U: out.dU, b: out.db, x0: out.dX0 };
    },
    forward: async (c) => (await run(specOf(c, 'forward', 1, 1), { ...weightFeeds(c), ...inputFeeds(c), X0: { data: c.x0, dims: [1, c.n] } })).states,
  };
}
