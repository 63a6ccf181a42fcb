import { sequenceCase, type GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { sequenceJacobianForms } from '../diagnosis/sequenceForms.js';
import { expectedSequenceJacobian } from '../model/expected.js';
import { expectedSequenceJacobianOffThread, startExpectedWorker } from '../model/offloadExpected.js';
import { callArray, shapeOf } from './call.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-SEQ: ∂x_T/∂x_0 as the ordered product J_T ⋯ J_1 along the trajectory. */
export const sequenceJacobian: Property<GeneratedSequenceCase> = {
  id: 'sequence-jacobian',
  notApplicable: (a, c) => missing(a, c.scope, 'sequenceJacobian'),
  arbitrary: (c) => sequenceCase(c),
  prepare: startExpectedWorker,
  async check(c, env) {
    const quantity = '∂x_T/∂x_0';
    const pending = callArray(env, 'sequenceJacobian', c, shapeOf(quantity, c.n, c.n));
    const expected = await expectedSequenceJacobianOffThread(c);
    return verify(expected, await pending, quantity, c.dtype, () => [
      ...sequenceJacobianForms(c),
      ...parameterFamilies(c, expectedSequenceJacobian, { scaled: expected }),
    ]);
  },
};
