import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { callArray, shapeOf } from './call.js';
import { expectedJacobian } from './expectedJacobian.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-INPUT: the input Jacobian ∂x_t/∂u_t, n×m (RJS-TOL-FD for a finite-difference variant). */
export const inputJacobian: Property<GeneratedStepCase> = {
  id: 'input-jacobian',
  notApplicable: (a, c) => missing(a, c.scope, 'inputJacobian'),
  arbitrary: (c) => stepCase(c),
  async check(c, env) {
    const quantity = '∂x_t/∂u_t';
    const pending = callArray(env, 'inputJacobian', c, shapeOf(quantity, c.n, c.m));
    const x = expectedJacobian(c, env.scope, 'input');
    return verify(x.expected, await pending, quantity, c.dtype, x.forms, x.note);
  },
};
