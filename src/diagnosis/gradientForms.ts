import { transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedLossCase } from '../arbitrary/sequenceCase.js';
import { finish } from '../model/expected.js';
import { bptt, type BpttMistakes, type ExpectedGradients } from '../model/bptt.js';
import { trajectory } from '../model/trajectory.js';
import { comparisonPrecision } from '../model/precision.js';
import { negated } from './negated.js';
import { withTransposedW } from './transposedWeights.js';
import type { WrongForm } from './wrongForm.js';

/** Which parameter gradient is being diagnosed. */
export type GradientName = keyof ExpectedGradients;

/** The gradient sets a case's wrong forms are read from, each computed on first use. */
interface GradientSets {
  /** BPTT as specified. */ readonly right: ExpectedGradients;
  /** The whole recurrence run with Wᵀ. */ readonly rowVector: ExpectedGradients;
  /** BPTT with mistakes. */ wrong(m: BpttMistakes): ExpectedGradients;
}

/** Per case: a check diagnoses up to four gradients of one case, and each reads the same sets. */
const setsOf = new WeakMap<GeneratedLossCase, GradientSets>();

function gradientSets(c: GeneratedLossCase): GradientSets {
  const known = setsOf.get(c);
  if (known !== undefined) return known;
  const p = comparisonPrecision(c.dtype);
  const tr = trajectory(c, p, true);
  const wrongs = new Map<string, ExpectedGradients>();
  let right: ExpectedGradients | undefined;
  let rowVector: ExpectedGradients | undefined;
  const sets: GradientSets = {
    get right() {
      return (right ??= bptt(c, p, {}, tr));
    },
    get rowVector() {
      return (rowVector ??= bptt(withTransposedW(c), p));
    },
    wrong(m) {
      const key = JSON.stringify(m);
      let g = wrongs.get(key);
      if (g === undefined) wrongs.set(key, (g = bptt(c, p, m, tr)));
      return g;
    },
  };
  setsOf.set(c, sets);
  return sets;
}

/** Known wrong forms of one BPTT gradient (RJS-GRAD diagnosis). */
export function gradientForms(c: GeneratedLossCase, which: GradientName): WrongForm[] {
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const sets = gradientSets(c);
  const wrong = (m: BpttMistakes): Bounded => fin(sets.wrong(m)[which]);
  const right = sets.right[which];
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
    {
      id: 'forward-jacobian-in-backprop',
      formula: 'δ_t = c_t + J_{t+1}·δ_{t+1}',
      message: 'the gradient is carried back through time with J instead of Jᵀ (W instead of Wᵀ in the backward pass)',
      value: wrong({ forwardJacobian: true }),
    },
    {
      id: 'no-backpropagation-through-time',
      formula: 'last step only',
      message: 'only the last step contributes: the gradient does not flow back through earlier steps (a detached state)',
      value: wrong({ lastStepOnly: true }),
    },
    { id: 'negated', formula: `−∂L/∂${which}`, message: 'the gradient has the wrong sign', value: fin(negated(right)) },
  );
  // The whole recurrence with Wᵀ; ∂L/∂W comes back transposed to W's layout, as mapping R's gradient does.
  const rowVector = sets.rowVector[which];
  forms.push({
    id: 'transpose-W',
    formula: which === 'W' ? '(∂L/∂R)ᵀ with R = Wᵀ used as W' : `∂L/∂${which} of the recurrence run with Wᵀ`,
    message: 'W is transposed throughout, the forward pass included: the weights were handed to a row-vector layout (x·R) unchanged',
    value: fin(which === 'W' ? { ...transpose(rowVector), rows: rowVector.rows, cols: rowVector.cols } : rowVector),
  });
  if (c.T > 1) {
    forms.push({
      id: 'tape-one-step-off',
      formula: 'δ_{t−1} = c_{t−1} + J_{t−1}ᵀ·δ_t',
      message: "BPTT reads the tape one step off: δ is carried back from step t with the Jacobian of step t − 1 (σ' and the state saved for the wrong step)",
      value: wrong({ tapeOneStepEarly: true }),
    });
  }
  if (which === 'x0') {
    forms.push({
      id: 'last-backward-step-missing',
      formula: '∂L/∂x_1 for ∂L/∂x_0',
      message: 'the last backward step is skipped: ∂L/∂x_1 is returned as ∂L/∂x_0 (an off-by-one in the backward loop)',
      value: wrong({ x0IsDelta1: true }),
    });
  } else {
    for (let t = 1; t <= c.T; t++) {
      forms.push({
        id: 'missing-step-term',
        formula: `Σ_{s≠${t}} (term of step s)`,
        message: `step ${t}'s term is missing from the sum over time of ∂L/∂${which} (an off-by-one in the loop that accumulates it)`,
        value: wrong({ dropTerm: t }),
      });
    }
  }
  return forms;
}
