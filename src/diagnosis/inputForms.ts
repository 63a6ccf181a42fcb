import { exact, transpose, type Bounded } from '../bound/bounded.js';
import { geluTanh } from '../activation/geluTanh.js';
import type { GeneratedStepCase } from '../arbitrary/stepCase.js';
import { finish } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { recurrence, stepParts } from '../model/stepParts.js';
import { negated } from './negated.js';
import { transposedW } from './stepForms.js';
import type { WrongForm } from './wrongForm.js';

/** Known wrong forms of the input Jacobian ∂x_t/∂u_t (RJS-INPUT diagnosis). */
export function inputJacobianForms(c: GeneratedStepCase): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const r = recurrence(c);
  const s = stepParts(r, exact(c.n, 1, c.x), exact(c.m, 1, c.u), p);
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const t = transpose(s.Ju);
  const forms: WrongForm[] = [
    {
      id: 'transposed-jacobian',
      formula: '(∂x_t/∂u_t)ᵀ, m×n',
      message: 'your backend returns the transpose of the input Jacobian (m×n instead of n×m)',
      value: fin({ ...t, rows: s.Ju.rows, cols: s.Ju.cols }),
    },
    { id: 'negated', formula: '−∂x_t/∂u_t', message: 'the input Jacobian has the wrong sign', value: fin(negated(s.Ju)) },
  ];
  if (c.form !== 'pascanu')
    forms.push({ id: 'no-activation-derivative', formula: 'U', message: "the activation's derivative is missing from the input Jacobian", value: fin(r.U) });
  if (c.form !== 'pascanu' && c.activation.name === 'gelu') {
    forms.push({
      id: 'gelu-tanh-approximation',
      formula: "∂x_t/∂u_t with gelu' of the tanh approximation",
      message:
        "gelu' is that of gelu's tanh approximation, x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2 (approximate='tanh'), where the catalogue's gelu is the exact erf form",
      value: fin(stepParts({ ...r, act: geluTanh }, exact(c.n, 1, c.x), exact(c.m, 1, c.u), p).Ju),
    });
  }
  if (c.form === 'elman') {
    forms.push({
      id: 'transpose-W',
      formula: `diag(σ'(Wᵀ·h_{t-1} + U·u_t + b))·U`,
      message: "W is transposed in the forward pass: the layer holds W where its row-vector layout needs Wᵀ, so σ' is taken at the wrong pre-activation",
      value: fin(stepParts(transposedW(c), exact(c.n, 1, c.x), exact(c.m, 1, c.u), p).Ju),
    });
  }
  return forms;
}
