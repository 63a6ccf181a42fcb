import { exact, stackRows, transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedSequenceCase } from '../arbitrary/sequenceCase.js';
import { FORMS } from '../contract.js';
import { finish } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { trajectory } from '../model/trajectory.js';
import type { WrongForm } from './wrongForm.js';

/** Known wrong forms of the forward states x_1 … x_T (RJS-FWD diagnosis). */
export function forwardForms(c: GeneratedSequenceCase): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const states = (cc: GeneratedSequenceCase, pick: 'next' | 'pre' = 'next'): Bounded =>
    finish(stackRows(trajectory(cc, p).steps.map((s) => ({ ...s[pick], rows: 1, cols: c.n }))), c.dtype);
  const Wt = transpose(exact(c.n, c.n, c.W)).v;
  const forms: WrongForm[] = [
    {
      id: 'transpose-W',
      formula: 'Wᵀ in place of W',
      message: 'the recurrence uses Wᵀ: the row-vector layout (h·R) was read as the column-vector one (W·h)',
      value: states({ ...c, W: Wt }),
    },
  ];
  for (const other of FORMS) {
    if (other !== c.form)
      forms.push({
        id: 'wrong-form',
        formula: `the ${other} recurrence`,
        message: `the states are those of the ${other} form, not of ${c.form}`,
        value: states({ ...c, form: other }),
      });
  }
  if (c.form === 'elman') {
    forms.push({
      id: 'pre-activation-states',
      formula: 'a_t in place of h_t',
      message: 'the states returned are pre-activations a_t, not h_t = σ(a_t)',
      value: states(c, 'pre'),
    });
  }
  return forms;
}
