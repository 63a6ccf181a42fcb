import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import { inputJacobianForms } from '../diagnosis/inputForms.js';
import { expectedInputJacobian } from '../model/expected.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-INPUT: the input Jacobian ∂x_t/∂u_t, n×m. */
export const inputJacobian: Property<GeneratedStepCase> = {
  id: 'input-jacobian',
  notApplicable: (a) => missing(a, 'inputJacobian'),
  arbitrary: (c) => stepCase(c),
  async check(c, env) {
    const f = env.adapter.inputJacobian!.bind(env.adapter);
    const actual = await env.call('inputJacobian', () => f({ ...c, variant: env.variant }));
    return verify(expectedInputJacobian(c), actual, '∂x_t/∂u_t', c.dtype, () => inputJacobianForms(c));
  },
};
