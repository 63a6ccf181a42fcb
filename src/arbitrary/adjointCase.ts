import fc from 'fast-check';
import { entries } from './entry.js';
import { stepCase, type GeneratedStepCase, type StepCaseConstraints } from './stepCase.js';

/** An adjoint case: a step case and the vectors v (cotangent) and w (tangent). */
export interface AdjointCase extends GeneratedStepCase {
  /** Cotangent v, length n. */ readonly v: Float64Array;
  /** Tangent w, length n. */ readonly w: Float64Array;
}

/**
 * A step case with a cotangent v and a tangent w of length n, entries in [−1, 1] and exactly
 * representable in the dtype (the adjoint property's cases, and the golden vjp/jvp vectors).
 */
export function adjointCase(c: StepCaseConstraints): fc.Arbitrary<AdjointCase> {
  return stepCase(c).chain((s) =>
    fc.record({ v: entries(s.n, { bound: 1, dtype: c.dtype }), w: entries(s.n, { bound: 1, dtype: c.dtype }) }).map((vw) => ({ ...s, ...vw })),
  );
}
