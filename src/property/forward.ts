import { sequenceCase, type GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { forwardForms } from '../diagnosis/forwardForms.js';
import { expectedForward } from '../model/expected.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-FWD: the forward states x_1 … x_T, T×n. */
export const forward: Property<GeneratedSequenceCase> = {
  id: 'forward',
  notApplicable: (a, c) => missing(a, c.scope, 'forward'),
  arbitrary: (c) => sequenceCase(c),
  async check(c, env) {
    const f = env.adapter.forward!.bind(env.adapter);
    const actual = await env.call('forward', () => f({ ...c, variant: env.variant }));
    return verify(expectedForward(c), actual, 'x_1…x_T', c.dtype, () => forwardForms(c));
  },
};
