import { scaleCols, scaleRows, transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { expectedSequenceJacobian, finish, orderedProduct } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { trajectory } from '../model/trajectory.js';
import { negated } from './negated.js';
import { withTransposedW } from './transposedWeights.js';
import type { WrongForm } from './wrongForm.js';

/** Known wrong forms of the sequence Jacobian ∂x_T/∂x_0 (RJS-SEQ diagnosis). */
export function sequenceJacobianForms(c: GeneratedSequenceCase): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const tr = trajectory(c, p, true);
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const P = orderedProduct(tr.steps, p);
  const reversed = [...tr.steps].reverse();
  const Wt = transpose(tr.r.W);
  const transposedSteps = tr.steps.map((s) => ({ ...s, J: transpose(s.J) }));
  const forms: WrongForm[] = [
    {
      id: 'transposed-jacobian',
      formula: '(J_T⋯J_1)ᵀ',
      message: 'your backend returns the transpose of the sequence Jacobian (denominator layout)',
      value: fin(transpose(P)),
    },
    {
      id: 'reversed-product-order',
      formula: 'J_1·J_2⋯J_T',
      message: 'the one-step Jacobians are multiplied in reverse order (J_1⋯J_T instead of J_T⋯J_1)',
      value: fin(orderedProduct(reversed, p)),
    },
    {
      id: 'transposed-step-jacobians',
      formula: 'J_Tᵀ⋯J_1ᵀ',
      message: 'each one-step Jacobian is transposed before they are chained in forward order',
      value: fin(orderedProduct(transposedSteps, p)),
    },
    {
      id: 'transpose-W',
      formula: c.form === 'elman' ? "Π diag(σ'(a_t))·Wᵀ" : "Π Wᵀ·diag(σ'(x_{t−1}))",
      message:
        c.form === 'elman'
          ? 'W is transposed inside every step Jacobian'
          : "every step uses the form printed in Pascanu et al. (2013), Wᵀ·diag(σ'): W is transposed inside each step Jacobian",
      value: fin(
        orderedProduct(
          tr.steps.map((s) => ({ ...s, J: c.form === 'elman' ? scaleRows(s.slope, Wt, p) : scaleCols(Wt, s.slope, p) })),
          p,
        ),
      ),
    },
    {
      id: 'transpose-W',
      formula: '∂x_T/∂x_0 of the recurrence run with Wᵀ',
      message: 'W is transposed throughout, the forward pass included: the weights were handed to a row-vector layout (x·R) unchanged',
      value: expectedSequenceJacobian(withTransposedW(c)),
    },
    { id: 'negated', formula: '−J_T⋯J_1', message: 'the sequence Jacobian has the wrong sign', value: fin(negated(P)) },
  ];
  if (tr.steps.length > 1) {
    forms.push(
      {
        id: 'last-step-only',
        formula: 'J_T',
        message: 'only the last step is differentiated (the graph is cut before x_{T−1}: a detached or stop-gradient state)',
        value: fin(tr.steps[tr.steps.length - 1].J),
      },
      { id: 'first-step-only', formula: 'J_1', message: 'only the first step is differentiated', value: fin(tr.steps[0].J) },
      {
        id: 'one-step-short',
        formula: 'J_{T−1}⋯J_1',
        message: 'the product stops one step short: ∂x_{T−1}/∂x_0 was returned',
        value: fin(orderedProduct(tr.steps.slice(0, -1), p)),
      },
      {
        id: 'one-step-short',
        formula: 'J_T⋯J_2',
        message: 'the product misses the first step: ∂x_T/∂x_1 was returned',
        value: fin(orderedProduct(tr.steps.slice(1), p)),
      },
    );
  }
  return forms;
}
