import { exact } from '../bound/bounded.js';
import type { GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import type { GeneratedStepCase } from '../arbitrary/stepCase.js';
import { comparisonPrecision } from '../model/precision.js';
import { recurrence, stepParts, type Recurrence, type StepParts } from '../model/stepParts.js';
import { trajectory, type Trajectory } from '../model/trajectory.js';
import type { ModelVariation } from './modelVariation.js';

function varied(r: Recurrence, v: ModelVariation | undefined): Recurrence {
  return v?.recurrence?.(r) ?? r;
}

/**
 * One step of a step case as an implementation with the variation computes it, with the bounds of
 * the spec's model (RJS-TOL) in the case's dtype; without a variation, the spec's own step.
 */
export function variedStep(c: GeneratedStepCase, v?: ModelVariation): StepParts {
  const p = comparisonPrecision(c.dtype);
  const r = varied(recurrence(c), v);
  const s = stepParts(r, exact(c.n, 1, c.x), exact(c.m, 1, c.u), p);
  return v?.step?.(s, r, p) ?? s;
}

/** The trajectory of a sequence case as an implementation with the variation computes it. */
export function variedTrajectory(c: GeneratedSequenceCase, v: ModelVariation | undefined, chain: boolean): Trajectory {
  const p = comparisonPrecision(c.dtype);
  const r = varied(recurrence(c, chain), v);
  const tr = trajectory(c, p, chain, r);
  const edit = v?.step;
  return edit === undefined ? tr : { ...tr, steps: tr.steps.map((s) => edit(s, r, p)) };
}
