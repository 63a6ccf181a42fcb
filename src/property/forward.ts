import { sequenceCase, type GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { forwardForms } from '../diagnosis/forwardForms.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { expectedForward } from '../model/expected.js';
import { callArray, shapeOf } from './call.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-FWD: the forward states x_1 … x_T, T×n. */
export const forward: Property<GeneratedSequenceCase> = {
  id: 'forward',
  notApplicable: (a, c) => missing(a, c.scope, 'forward'),
  arbitrary: (c) => sequenceCase(c),
  async check(c, env) {
    const quantity = 'x_1…x_T';
    const pending = callArray(env, 'forward', c, shapeOf(quantity, c.T, c.n));
    const expected = expectedForward(c);
    return verify(expected, await pending, quantity, c.dtype, () => [...forwardForms(c), ...parameterFamilies(c, expectedForward)]);
  },
};
