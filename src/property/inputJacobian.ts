import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { jacobianExpectation } from './expectation.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-INPUT: the input Jacobian ∂x_t/∂u_t, n×m (RJS-TOL-FD for a finite-difference variant). */
export const inputJacobian: Property<GeneratedStepCase> = {
  id: 'input-jacobian',
  notApplicable: (a, c) => missing(a, c.scope, 'inputJacobian'),
  arbitrary: (c) => stepCase(c),
  async check(c, env) {
    const f = env.adapter.inputJacobian!.bind(env.adapter);
    const actual = await env.call('inputJacobian', () => f({ ...c, variant: env.variant }));
    const x = jacobianExpectation(c, env.scope, 'input');
    return verify(x.expected, actual, '∂x_t/∂u_t', c.dtype, x.forms, x.note);
  },
};
