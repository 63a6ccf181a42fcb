import fc from 'fast-check';
import { activationByName } from '../activation/activations.js';
import type { LossCase, SequenceCase } from '../contract.js';
import { activationRef } from './activationRef.js';
import type { CaseConstraints } from './caseConstraints.js';
import { dimension } from './dimension.js';
import { entries } from './entry.js';
import { recurrentMatrix, sequenceGainLimit } from './recurrentMatrix.js';
import { unitRoundoff } from '../model/precision.js';
import { stateVector } from './stateValue.js';

/** A sequence case as generated: everything but the variant. */
export type GeneratedSequenceCase = Omit<SequenceCase, 'variant'>;
/** A loss case as generated: everything but the variant. */
export type GeneratedLossCase = Omit<LossCase, 'variant'>;

/**
 * A sequence of T steps from x_0: W scaled to a gain target, x_0 from the state regions, inputs and
 * bias random, and the loss weights c_1 … c_T of L = Σ ⟨c_t, x_t⟩ (ignored by properties that do not
 * need them). Shrinks towards n = m = T = 1.
 */
export function lossCase(c: CaseConstraints): fc.Arbitrary<GeneratedLossCase> {
  return fc
    .record({
      n: dimension({ min: c.minN, max: c.maxN }),
      m: dimension({ max: c.maxM }),
      T: dimension({ min: c.minT, max: c.maxT }),
      form: fc.constantFrom(...c.forms),
      activation: activationRef({ names: c.activations, dtype: c.dtype }),
    })
    .chain(({ n, m, T, form, activation }) =>
      fc
        .record({
          W: recurrentMatrix({
            n,
            gamma: activationByName(activation.name).gamma(activation.alpha ?? 0),
            dtype: c.dtype,
            maxGain: sequenceGainLimit(n, T, unitRoundoff(c.dtype)),
          }),
          U: entries(n * m, { bound: 1, dtype: c.dtype }),
          // A bias bounded away from 0 keeps states off the kinks (x_t = 0 exactly) inside a sequence,
          // where two subgradient choices would multiply (RJS-GEN-6); RJS-KINK tests kinks on purpose.
          b: entries(n, { bound: 1, min: 1 / 16, dtype: c.dtype }),
          x0: stateVector(n, { dtype: c.dtype }),
          us: entries(T * m, { bound: 2, dtype: c.dtype }),
          cs: entries(T * n, { bound: 1, dtype: c.dtype }),
        })
        .map((p): GeneratedLossCase => ({ n, m, T, form, activation, dtype: c.dtype, ...p })),
    );
}

/** {@link lossCase} without the loss weights. */
export function sequenceCase(c: CaseConstraints): fc.Arbitrary<GeneratedSequenceCase> {
  return lossCase(c).map(({ cs: _cs, ...rest }) => rest);
}
