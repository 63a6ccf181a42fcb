import { lossCase, type GeneratedLossCase } from '../arbitrary/sequenceCase.js';
import { gradientForms } from '../diagnosis/gradientForms.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { GRADIENT_FIELDS } from '../host/callRequest.js';
import type { ExpectedGradients } from '../model/bptt.js';
import { expectedParameterGradients } from '../model/expected.js';
import { expectedParameterGradientsOffThread, startExpectedWorker } from '../model/offloadExpected.js';
import { callGradients } from './call.js';
import { missing, type Property } from './property.js';
import { verify } from './verify.js';

/** RJS-GRAD: ∂L/∂W, ∂L/∂U, ∂L/∂b and ∂L/∂x_0 of L = Σ_t ⟨c_t, x_t⟩, by BPTT. */
export const parameterGradients: Property<GeneratedLossCase> = {
  id: 'parameter-gradients',
  notApplicable: (a, c) => missing(a, c.scope, 'parameterGradients'),
  arbitrary: (c) => lossCase(c),
  prepare: startExpectedWorker,
  async check(c, env) {
    const pending = callGradients(env, c);
    const expected = await expectedParameterGradientsOffThread(c);
    const actual = await pending;
    // The fitted families of the four gradients try the same activations: each set is computed once.
    const at = new Map<string, ExpectedGradients>();
    const gradientsAt = (k: GeneratedLossCase): ExpectedGradients => {
      const { name, alpha } = k.activation;
      const key = `${name} ${alpha === undefined ? '' : Object.is(alpha, -0) ? '-0' : String(alpha)}`;
      let g = at.get(key);
      if (g === undefined) at.set(key, (g = expectedParameterGradients(k)));
      return g;
    };
    let ratio = 0;
    for (const name of GRADIENT_FIELDS) {
      ratio = Math.max(
        ratio,
        verify(expected[name], actual[name], `∂L/∂${name}`, c.dtype, () => [
          ...gradientForms(c, name),
          ...parameterFamilies(c, (k) => gradientsAt(k)[name], { scaled: expected[name] }),
        ]),
      );
    }
    return ratio;
  },
};
