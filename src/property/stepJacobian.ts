import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { stepJacobianForms } from '../diagnosis/stepForms.js';
import { expectedStepJacobian } from '../model/expected.js';
import type { Property } from './property.js';
import { verify } from './verify.js';

/** RJS-STEP: the one-step Jacobian, entry by entry, with states near but never on a kink. */
export const stepJacobian: Property<GeneratedStepCase> = {
  id: 'step-jacobian',
  notApplicable: () => undefined,
  arbitrary: (c: CaseConstraints) => stepCase(c),
  async check(c, env) {
    const actual = await env.call('stepJacobian', () => env.adapter.stepJacobian({ ...c, variant: env.variant }));
    return verify(expectedStepJacobian(c), actual, '∂x_t/∂x_{t-1}', c.dtype, () => stepJacobianForms(c));
  },
};
