import { sequenceCase, type GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { sequenceJacobianForms } from '../diagnosis/sequenceForms.js';
import { expectedSequenceJacobian } from '../model/expected.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-SEQ: ∂x_T/∂x_0 as the ordered product J_T ⋯ J_1 along the trajectory. */
export const sequenceJacobian: Property<GeneratedSequenceCase> = {
  id: 'sequence-jacobian',
  notApplicable: (a, c) => missing(a, c.scope, 'sequenceJacobian'),
  arbitrary: (c) => sequenceCase(c),
  async check(c, env) {
    const f = env.adapter.sequenceJacobian!.bind(env.adapter);
    const actual = await env.call('sequenceJacobian', () => f({ ...c, variant: env.variant }));
    return verify(expectedSequenceJacobian(c), actual, '∂x_T/∂x_0', c.dtype, () => sequenceJacobianForms(c));
  },
};
