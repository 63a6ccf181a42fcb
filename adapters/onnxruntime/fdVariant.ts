/**
 * The `finite-difference` variant: one-step Jacobians as central differences of the forward graph
 * (no gradient graph at all), a second path independent of the VJP rules.
 */
import type { SequenceCase, StepCase } from '../../src/contract.js';
import { weightFeeds } from './cases.js';
import { differenceQuotients, perturbed } from './finiteDifference.js';
import { asSequence, gradientGraphVariant, type OnnxVariant } from './gradientGraph.js';
import { buildModel, modelKey, type ModelSpec } from './models.js';
import type { SessionCache } from './sessions.js';

/** Creates the variant over a session cache. */
export function fdVariant(cache: SessionCache): OnnxVariant {
  const states = async (c: SequenceCase, Bx: number, Bu: number, X0: Float64Array, u0: Float64Array): Promise<Float64Array> => {
    const spec: ModelSpec = { kind: 'forward', form: c.form, activation: c.activation, dtype: c.dtype as 'float32' | 'float64', n: c.n, m: c.m, T: 1, Bx, Bu };
    const out = await cache.run(modelKey(spec), () => buildModel(spec), spec.dtype, {
      ...weightFeeds(c),
      X0: { data: X0, dims: [Bx, c.n] },
      u0: { data: u0, dims: [Bu, c.m] },
    });
    return out.states;
  };
  return {
    stepJacobian: async (c: StepCase) => {
      const p = perturbed(c.x, c.dtype);
      return differenceQuotients(await states(asSequence(c), 2 * c.n, 1, p.rows, c.u), p.spans, c.n);
    },
    inputJacobian: async (c: StepCase) => {
      const p = perturbed(c.u, c.dtype);
      return differenceQuotients(await states(asSequence(c), 1, 2 * c.m, c.x, p.rows), p.spans, c.n);
    },
    // The forward states are the same graph the other variant runs.
    forward: (c) => gradientGraphVariant(cache).forward(c),
  };
}
