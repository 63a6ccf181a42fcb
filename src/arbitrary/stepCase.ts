import type fc from 'fast-check';
import { activationByName } from '../activation/activations.js';
import type { StepCase } from '../contract.js';
import { drawActivation } from './activationRef.js';
import { CaseArbitrary } from './caseArbitrary.js';
import type { CaseConstraints } from './caseConstraints.js';
import { materialize, type CaseDraw } from './caseDraw.js';
import { drawEntries, drawFrom, drawSize } from './draw.js';
import { drawRecurrentMatrix } from './recurrentMatrix.js';
import { drawStates } from './stateRegions.js';

/** A one-step case as generated: everything but the variant, which the runner adds. */
export type GeneratedStepCase = Omit<StepCase, 'variant'>;

/** Constraints of {@link stepCase}. */
export interface StepCaseConstraints extends CaseConstraints {
  /** Put some state entries exactly on kinks (the kink property), instead of only near them. */
  readonly onKink?: boolean;
}

const EMPTY = new Float64Array(0);

/**
 * Draws a one-step case (RJS-GEN-1..5). For the pascanu forms σ' is taken at x, so x comes from the
 * state regions; for elman σ' is taken at a = W·h + U·u + b, so the regions are drawn for a and b is
 * solved for when the case is materialized. With `vectors`, also v and w (adjoint cases).
 */
export function drawStepCase(mrng: fc.Random, c: StepCaseConstraints, vectors: boolean): CaseDraw {
  const n = drawSize(mrng, c.minN ?? 1, c.maxN);
  const m = drawSize(mrng, 1, c.maxM);
  const form = drawFrom(mrng, c.forms);
  const activation = drawActivation(mrng, c.activations, c.dtype);
  const gamma = activationByName(activation.name).gamma(activation.alpha ?? 0);
  const { W } = drawRecurrentMatrix(mrng, { n, gamma, dtype: c.dtype });
  const U = drawEntries(mrng, n * m, 1, c.dtype);
  const regions = { dtype: c.dtype, subnormal: true };
  const u = form === 'pascanu-sigma-input' ? drawStates(mrng, m, regions) : drawEntries(mrng, m, 2, c.dtype);
  const elman = form === 'elman';
  const x = elman ? drawEntries(mrng, n, 1, c.dtype) : drawStates(mrng, n, { ...regions, onKink: c.onKink });
  // RJS-GEN-7: a kink case has at least one state exactly on the kink.
  if (c.onKink === true && !x.includes(0)) x[0] = 0;
  const a = elman ? drawStates(mrng, n, regions) : EMPTY;
  const b = elman ? EMPTY : drawEntries(mrng, n, 1, c.dtype);
  const v = vectors ? drawEntries(mrng, n, 1, c.dtype) : EMPTY;
  const w = vectors ? drawEntries(mrng, n, 1, c.dtype) : EMPTY;
  return { kind: vectors ? 'adjoint' : 'step', n, m, T: 1, form, activation, dtype: c.dtype, W, U, b, x, a, u, cs: EMPTY, v, w };
}

/** The shrink limits shared by the case generators. */
export function shrinkLimits(c: StepCaseConstraints, minBias: number): ConstructorParameters<typeof CaseArbitrary>[2] {
  return { minN: c.minN ?? 1, minT: c.minT ?? 1, activations: c.activations, minBias, offKinks: c.onKink !== true };
}

/** One-step cases (RJS-STEP, RJS-INPUT, RJS-KINK, RJS-BOUND at T = 1). */
export function stepCase(c: StepCaseConstraints): CaseArbitrary<GeneratedStepCase> {
  return new CaseArbitrary(
    (mrng) => drawStepCase(mrng, c, false),
    (d) => materialize(d) as unknown as GeneratedStepCase,
    shrinkLimits(c, 0),
  );
}
