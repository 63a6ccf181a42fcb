import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepCase } from '../../src/arbitrary/stepCase.js';
import { compare } from '../../src/check/compare.js';
import type { Dtype } from '../../src/contract.js';
import { expectedCentralDifference } from '../../src/model/centralDifference.js';
import { ALL_ACTIVATIONS, ALL_FORMS, fdAdapter } from './fdAdapter.js';

const STEPS = [2 ** -1, 2 ** -4, 2 ** -8, 2 ** -16, 2 ** -24, 2 ** -30];

describe.each(['float64', 'float32'] as Dtype[])('the RJS-TOL-FD bound, %s', (dtype) => {
  // From steps so large that intervals span several kinks and critical points, to steps so small that
  // roundoff swamps the quotient: the bound must hold for all, with no term tuned to h = 2^-12.
  it.each(STEPS)('holds for correct central differences with h = %d, both Jacobians', (h) => {
    const a = fdAdapter({ declared: h });
    const cases = fc.sample(stepCase({ maxN: 16, maxT: 16, maxM: 8, dtype, forms: ALL_FORMS, activations: ALL_ACTIVATIONS }), { seed: 5, numRuns: 60 });
    for (const c of cases) {
      const k = { ...c, variant: 'fd' };
      expect(compare(expectedCentralDifference(c, h, 'state'), a.stepJacobian(k) as Float64Array, 'J').maxRatio).toBeLessThanOrEqual(1);
      expect(compare(expectedCentralDifference(c, h, 'input'), a.inputJacobian!(k) as Float64Array, 'Ju').maxRatio).toBeLessThanOrEqual(1);
    }
  });
});
