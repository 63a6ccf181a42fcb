import { activationByName } from '../activation/activations.js';
import { stepCase, type GeneratedStepCase } from '../arbitrary/stepCase.js';
import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { callArray, shapeOf } from './call.js';
import { expectedJacobian } from './expectedJacobian.js';
import type { CheckEnv, Property } from './property.js';
import { verify } from './verify.js';

/** Catalogue activations with a kink (for alpha in the generated range). */
function kinked(names: readonly string[]): string[] {
  return names.filter((n) => activationByName(n).kinks(0.5).length > 0);
}

/**
 * RJS-KINK: with some x_{t−1} entries exactly on a kink (pascanu form, where σ' is taken at x itself),
 * the column's σ' may be any value between the one-sided derivatives. Which one the framework uses
 * is recorded as an observation, not a verdict. A finite-difference variant is checked against its
 * interval (RJS-TOL-FD), which spans the kink.
 */
export const kinkSubgradient: Property<GeneratedStepCase> = {
  id: 'kink-subgradient',
  notApplicable: (_a, c) =>
    kinked(c.activations).length === 0
      ? 'the adapter supports no activation with a kink (relu, leakyRelu, elu)'
      : c.forms.includes('pascanu')
        ? undefined
        : 'the adapter does not implement the pascanu form',
  arbitrary: (c: CaseConstraints) => stepCase({ ...c, forms: ['pascanu'], activations: kinked(c.activations), onKink: true }),
  async check(c, env) {
    const quantity = '∂x_t/∂x_{t-1} on a kink';
    const pending = callArray(env, 'stepJacobian', c, shapeOf(quantity, c.n, c.n));
    const x = expectedJacobian(c, env.scope, 'state');
    const actual = await pending;
    const ratio = verify(x.expected, actual, quantity, c.dtype, x.forms, x.note);
    // A central difference averages σ' across the kink: it says nothing of the framework's subgradient.
    if (env.scope?.finiteDifference === undefined) observeSubgradients(c, actual, env);
    return ratio;
  },
};

/** Reads σ'(kink) off column k of J = W·diag(σ'(x)) where x_k is on the kink, and records it. */
function observeSubgradients(c: GeneratedStepCase, J: ArrayLike<number>, env: CheckEnv): void {
  const act = activationByName(c.activation.name);
  const alpha = c.activation.alpha ?? 0;
  for (const kink of act.kinks(alpha)) {
    for (let k = 0; k < c.n; k++) {
      if (c.x[k] !== kink.at) continue;
      let i = 0;
      for (let r = 1; r < c.n; r++) if (Math.abs(c.W[r * c.n + k]) > Math.abs(c.W[i * c.n + k])) i = r;
      if (c.W[i * c.n + k] === 0) continue;
      const s = J[i * c.n + k] / c.W[i * c.n + k];
      const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
      const which = close(s, kink.right)
        ? 'the right-hand derivative'
        : close(s, kink.left)
          ? 'the left-hand derivative'
          : `${s.toPrecision(4)}, inside the interval`;
      env.observe(`${c.activation.name}'(${kink.at}) = ${which} (${c.dtype})`);
      return;
    }
  }
}
