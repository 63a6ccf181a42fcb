import { CaseArbitrary } from './caseArbitrary.js';
import { materialize } from './caseDraw.js';
import { drawStepCase, shrinkLimits, type GeneratedStepCase, type StepCaseConstraints } from './stepCase.js';

/** An adjoint case: a step case and the vectors v (cotangent) and w (tangent). */
export interface AdjointCase extends GeneratedStepCase {
  /** Cotangent v, length n. */ readonly v: Float64Array;
  /** Tangent w, length n. */ readonly w: Float64Array;
}

/**
 * A step case with a cotangent v and a tangent w of length n, entries in [−1, 1] and exactly
 * representable in the dtype (the adjoint property's cases, and the golden vjp/jvp vectors).
 */
export function adjointCase(c: StepCaseConstraints): CaseArbitrary<AdjointCase> {
  return new CaseArbitrary(
    (mrng) => drawStepCase(mrng, c, true),
    (d) => materialize(d) as unknown as AdjointCase,
    shrinkLimits(c, 0),
  );
}
