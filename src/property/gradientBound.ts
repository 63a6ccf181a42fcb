import type { CaseArbitrary } from '../arbitrary/caseArbitrary.js';
import { activationByName } from '../activation/activations.js';
import type { Bounded } from '../bound/bounded.js';
import { sequenceCase, type GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { CaseFailure } from '../check/caseFailure.js';
import { diagnose } from '../diagnosis/diagnose.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { sequenceJacobianForms } from '../diagnosis/sequenceForms.js';
import { stepJacobianForms } from '../diagnosis/stepForms.js';
import { normPad, spectralNormLower, spectralNormUpper } from '../linalg/normEstimates.js';
import { GAIN_ITERATIONS } from '../arbitrary/recurrentMatrix.js';
import { frobenius, spectralNorm } from '../linalg/spectralNorm.js';
import { expectedSequenceJacobian, expectedStepJacobian } from '../model/expected.js';
import { unitRoundoff } from '../model/precision.js';
import { callArray, shapeOf } from './call.js';
import { notForFiniteDifference, offers, type Property } from './property.js';
import { matrixData } from './verify.js';

type BoundCase = GeneratedSequenceCase | GeneratedStepCase;
const isSequence = (c: BoundCase): c is GeneratedSequenceCase => 'T' in c;

/**
 * RJS-BOUND: ‖∂x_T/∂x_0‖₂ ≤ (γ·‖W‖₂)^T (Pascanu et al. 2013, eq. 5–6), on the adapter's sequence
 * Jacobian, or on its step Jacobian (T = 1) when it has none. Tolerance: ‖E‖_F of the entrywise bounds
 * (‖J̃ − J‖₂ ≤ ‖E‖_F) plus n·u_float64 per norm computed and T of them in the power. Not for a
 * central-difference step Jacobian (RJS-TOL-FD), whose elman entries are not W times a diagonal.
 */
export const gradientBound: Property<BoundCase> = {
  id: 'gradient-bound',
  notApplicable: (a, c) => notForFiniteDifference(a, c.scope, 'sequenceJacobian'),
  arbitrary: (c, adapter) => (offers(adapter, c.scope, 'sequenceJacobian') ? sequenceCase(c) : stepCase(c)) as CaseArbitrary<BoundCase>,
  async check(c, env) {
    const T = isSequence(c) ? c.T : 1;
    const quantity = T === 1 ? '‖∂x_t/∂x_{t-1}‖₂' : '‖∂x_T/∂x_0‖₂';
    const pending = callArray(env, isSequence(c) ? 'sequenceJacobian' : 'stepJacobian', c, shapeOf(quantity, c.n, c.n));
    const gamma = activationByName(c.activation.name).gamma(c.activation.alpha ?? 0);
    // Most cases are settled without the O(T·n³) expected value: excess ≤ 0 gives the ratio 0. First in
    // O(n²), an upper estimate of ‖J̃‖₂ below a lower estimate of the bound (which is also below the
    // Jacobi value the bound uses); then with ‖J̃‖₂ itself; then with the bound itself.
    const lowBound = (gamma * spectralNormLower(c.W, c.n, c.n, GAIN_ITERATIONS)) ** T * (1 - (T + 1) * normPad(c.n, c.n));
    const J = await pending;
    if (spectralNormUpper(J, c.n, c.n) <= lowBound) return 0;
    const norm = spectralNorm(J, c.n, c.n);
    if (norm <= lowBound) return 0;
    const bound = (gamma * spectralNorm(c.W, c.n, c.n)) ** T;
    const excess = norm - bound;
    if (excess <= 0) return 0;
    const expected: Bounded = isSequence(c) ? expectedSequenceJacobian(c) : expectedStepJacobian(c);
    const u64 = unitRoundoff('float64');
    const tol = frobenius(expected.e) + c.n * u64 * norm + (T + 1) * c.n * u64 * bound;
    const ratio = excess / tol;
    if (ratio <= 1) return ratio;
    const catalogue = isSequence(c)
      ? [...sequenceJacobianForms(c), ...parameterFamilies(c, expectedSequenceJacobian, { scaled: expected })]
      : [...stepJacobianForms(c), ...parameterFamilies(c, expectedStepJacobian, { scaled: expected })];
    const diagnosis = diagnose(catalogue, expected, J, c.dtype);
    throw new CaseFailure({
      kind: 'mismatch',
      quantity,
      summary: `${quantity} = ${norm} exceeds Pascanu's bound (γ·‖W‖₂)^${T} = ${bound} by ${excess.toPrecision(3)} > tolerance ${tol.toPrecision(3)}; ${diagnosis.message}`,
      expected: matrixData(c.n, c.n, expected.v),
      actual: matrixData(c.n, c.n, J),
      tolerance: matrixData(c.n, c.n, expected.e),
      worst: { quantity, row: 0, col: 0, expected: bound, actual: norm, error: excess, tolerance: tol },
      diagnosis,
    });
  },
};
