import { CaseFailure } from '../check/caseFailure.js';
import { lossCase, type GeneratedLossCase } from '../arbitrary/sequenceCase.js';
import type { ParameterGradients } from '../contract.js';
import { gradientForms, type GradientName } from '../diagnosis/gradientForms.js';
import { expectedParameterGradients } from '../model/expected.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

const NAMES: readonly GradientName[] = ['W', 'U', 'b', 'x0'];

/** RJS-GRAD: ∂L/∂W, ∂L/∂U, ∂L/∂b and ∂L/∂x_0 of L = Σ_t ⟨c_t, x_t⟩, by BPTT. */
export const parameterGradients: Property<GeneratedLossCase> = {
  id: 'parameter-gradients',
  notApplicable: (a, c) => missing(a, c.scope, 'parameterGradients'),
  arbitrary: (c) => lossCase(c),
  async check(c, env) {
    const f = env.adapter.parameterGradients!.bind(env.adapter);
    const actual = await env.call('parameterGradients', () => f({ ...c, variant: env.variant }));
    if (actual === null || typeof actual !== 'object') {
      throw new CaseFailure({ kind: 'shape', quantity: '∂L/∂θ', summary: `parameterGradients returned ${String(actual)}, not { W, U, b, x0 }` });
    }
    const expected = expectedParameterGradients(c);
    let ratio = 0;
    for (const name of NAMES) {
      const got = (actual as Partial<ParameterGradients>)[name];
      ratio = Math.max(ratio, verify(expected[name], got, `∂L/∂${name}`, c.dtype, () => gradientForms(c, name)));
    }
    return ratio;
  },
};
