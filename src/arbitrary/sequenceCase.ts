import type fc from 'fast-check';
import { activationByName } from '../activation/activations.js';
import type { LossCase, SequenceCase } from '../contract.js';
import { unitRoundoff } from '../model/precision.js';
import { drawActivation } from './activationRef.js';
import { CaseArbitrary } from './caseArbitrary.js';
import type { CaseConstraints } from './caseConstraints.js';
import { materialize, type CaseDraw } from './caseDraw.js';
import { drawEntries, drawFrom, drawSize } from './draw.js';
import { drawRecurrentMatrix, sequenceGainLimit } from './recurrentMatrix.js';
import { drawStates } from './stateRegions.js';
import { shrinkLimits } from './stepCase.js';

/** A sequence case as generated: everything but the variant. */
export type GeneratedSequenceCase = Omit<SequenceCase, 'variant'>;
/** A loss case as generated: everything but the variant. */
export type GeneratedLossCase = Omit<LossCase, 'variant'>;

/**
 * A bias magnitude bounded away from 0 keeps states off the kinks (x_t = 0 exactly) inside a
 * sequence, where two subgradient choices would multiply (RJS-GEN-4); RJS-KINK tests kinks on purpose.
 */
export const SEQUENCE_MIN_BIAS = 1 / 16;
const EMPTY = new Float64Array(0);

/**
 * Draws a sequence of T steps from x_0 (RJS-GEN-1..5): W steered to a gain target below the
 * sequence limit, x_0 from the state regions (not subnormal ones), inputs and bias random, and with
 * `loss` the weights c_1 … c_T of L = Σ ⟨c_t, x_t⟩.
 */
export function drawSequenceCase(mrng: fc.Random, c: CaseConstraints, loss: boolean): CaseDraw {
  const n = drawSize(mrng, c.minN ?? 1, c.maxN);
  const m = drawSize(mrng, 1, c.maxM);
  const T = drawSize(mrng, c.minT ?? 1, c.maxT);
  const form = drawFrom(mrng, c.forms);
  const activation = drawActivation(mrng, c.activations, c.dtype);
  const gamma = activationByName(activation.name).gamma(activation.alpha ?? 0);
  const { W } = drawRecurrentMatrix(mrng, { n, gamma, dtype: c.dtype, maxGain: sequenceGainLimit(n, T, unitRoundoff(c.dtype)) });
  const U = drawEntries(mrng, n * m, 1, c.dtype);
  const b = drawEntries(mrng, n, 1, c.dtype, SEQUENCE_MIN_BIAS);
  const x = drawStates(mrng, n, { dtype: c.dtype });
  const u = drawEntries(mrng, T * m, 2, c.dtype);
  const cs = loss ? drawEntries(mrng, T * n, 1, c.dtype) : EMPTY;
  return { kind: loss ? 'loss' : 'sequence', n, m, T, form, activation, dtype: c.dtype, W, U, b, x, a: EMPTY, u, cs, v: EMPTY, w: EMPTY };
}

/** Loss cases (RJS-GRAD). */
export function lossCase(c: CaseConstraints): CaseArbitrary<GeneratedLossCase> {
  return new CaseArbitrary(
    (mrng) => drawSequenceCase(mrng, c, true),
    (d) => materialize(d) as unknown as GeneratedLossCase,
    shrinkLimits(c, SEQUENCE_MIN_BIAS),
  );
}

/** Sequence cases (RJS-SEQ, RJS-FWD, RJS-BOUND). */
export function sequenceCase(c: CaseConstraints): CaseArbitrary<GeneratedSequenceCase> {
  return new CaseArbitrary(
    (mrng) => drawSequenceCase(mrng, c, false),
    (d) => materialize(d) as unknown as GeneratedSequenceCase,
    shrinkLimits(c, SEQUENCE_MIN_BIAS),
  );
}
