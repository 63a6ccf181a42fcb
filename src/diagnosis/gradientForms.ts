import { transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedLossCase } from '../arbitrary/sequenceCase.js';
import { finish } from '../model/expected.js';
import { bptt, type ExpectedGradients } from '../model/bptt.js';
import { comparisonPrecision } from '../model/precision.js';
import { negated } from './negated.js';
import type { WrongForm } from './wrongForm.js';

/** Which parameter gradient is being diagnosed. */
export type GradientName = keyof ExpectedGradients;

/** Known wrong forms of one BPTT gradient (RJS-GRAD diagnosis). */
export function gradientForms(c: GeneratedLossCase, which: GradientName): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const right = bptt(c, p)[which];
  const forms: WrongForm[] = [];
  if (which === 'W' || which === 'U') {
    forms.push({
      id: 'transposed-parameter-gradient',
      formula: `(∂L/∂${which})ᵀ`,
      message: `∂L/∂${which} is transposed: the outer product was formed as signal·δᵀ instead of δ·signalᵀ, or a row-vector framework's kernel gradient was returned without mapping it back`,
      value: fin({ ...transpose(right), rows: right.rows, cols: right.cols }),
    });
  }
  forms.push(
    { id: 'forward-jacobian-in-backprop', formula: 'δ_t = c_t + J_{t+1}·δ_{t+1}', message: 'the gradient is carried back through time with J instead of Jᵀ (W instead of Wᵀ in the backward pass)', value: fin(bptt(c, p, { forwardJacobian: true })[which]) },
    { id: 'no-backpropagation-through-time', formula: 'last step only', message: 'only the last step contributes: the gradient does not flow back through earlier steps (a detached state)', value: fin(bptt(c, p, { lastStepOnly: true })[which]) },
    { id: 'negated', formula: `−∂L/∂${which}`, message: 'the gradient has the wrong sign', value: fin(negated(right)) },
  );
  return forms;
}
