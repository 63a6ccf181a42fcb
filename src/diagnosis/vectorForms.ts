import { exact, matmul, transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedStepCase } from '../arbitrary/stepCase.js';
import { expectedJvp, expectedVjp, finish, oneStep } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { negated } from './negated.js';
import { withTransposedW } from './transposedWeights.js';
import type { WrongForm } from './wrongForm.js';

/** Known wrong forms of a VJP (`mode` = 'vjp', expected Jᵀ·v) or a JVP (expected J·w). */
export function productForms(c: GeneratedStepCase, vector: Float64Array, mode: 'vjp' | 'jvp'): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const J = oneStep(c, p).J;
  const vec = exact(c.n, 1, vector);
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const right = matmul(mode === 'vjp' ? transpose(J) : J, vec, p);
  const own: WrongForm[] =
    mode === 'vjp'
      ? [
          {
            id: 'vjp-applies-J',
            formula: 'J·v',
            message: 'the VJP multiplies by J instead of Jᵀ (the cotangent is pushed forward, not pulled back)',
            value: fin(matmul(J, vec, p)),
          },
          { id: 'negated', formula: '−Jᵀ·v', message: 'the VJP has the wrong sign', value: fin(negated(right)) },
        ]
      : [
          {
            id: 'jvp-applies-Jt',
            formula: 'Jᵀ·w',
            message: 'the JVP multiplies by Jᵀ instead of J (a reverse-mode product returned as forward mode)',
            value: fin(matmul(transpose(J), vec, p)),
          },
          { id: 'negated', formula: '−J·w', message: 'the JVP has the wrong sign', value: fin(negated(right)) },
        ];
  const transposed = withTransposedW(c);
  return [
    ...own,
    {
      id: 'transpose-W',
      formula: `${mode === 'vjp' ? 'Jᵀ·v' : 'J·w'} of the step run with Wᵀ`,
      message: 'W is transposed throughout the step, the forward pass included: the weights were handed to a row-vector layout (x·R) unchanged',
      value: mode === 'vjp' ? expectedVjp(transposed, vector) : expectedJvp(transposed, vector),
    },
  ];
}
