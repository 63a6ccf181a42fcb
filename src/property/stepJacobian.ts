import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { callArray, shapeOf } from './call.js';
import { expectedJacobian } from './expectedJacobian.js';
import type { Property } from './property.js';
import { verify } from './verify.js';

/**
 * RJS-STEP: the one-step Jacobian, entry by entry, with states near but never on a kink (against
 * the central-difference interval of RJS-TOL-FD for a finite-difference variant).
 */
export const stepJacobian: Property<GeneratedStepCase> = {
  id: 'step-jacobian',
  notApplicable: () => undefined,
  arbitrary: (c: CaseConstraints) => stepCase(c),
  async check(c, env) {
    const quantity = '∂x_t/∂x_{t-1}';
    const pending = callArray(env, 'stepJacobian', c, shapeOf(quantity, c.n, c.n));
    const x = expectedJacobian(c, env.scope, 'state');
    return verify(x.expected, await pending, quantity, c.dtype, x.forms, x.note);
  },
};
