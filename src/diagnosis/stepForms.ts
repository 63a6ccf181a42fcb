import { activations } from '../activation/activations.js';
import { geluTanh } from '../activation/geluTanh.js';
import { bounded, exact, scaleCols, scaleRows, transpose, type Bounded } from '../bound/bounded.js';
import { mapDerivative, mapSigma } from '../bound/elementwise.js';
import type { GeneratedStepCase } from '../arbitrary/stepCase.js';
import { finish } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { recurrence, stepParts } from '../model/stepParts.js';
import { specDocument } from '../spec/specDocument.js';
import { negated } from './negated.js';
import { withTransposedW } from './transposedWeights.js';
import type { WrongForm } from './wrongForm.js';

function diagMatrix(d: Bounded): Bounded {
  const n = d.v.length;
  const v = new Float64Array(n * n);
  const e = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    v[i * n + i] = d.v[i];
    e[i * n + i] = d.e[i];
  }
  return bounded(n, n, v, e, Infinity);
}

/** The case's recurrence with W transposed: the step as a layer that holds W where Wᵀ belongs computes it. */
export function transposedW(c: GeneratedStepCase): ReturnType<typeof recurrence> {
  return recurrence(withTransposedW(c));
}

/** Known wrong forms of the one-step Jacobian ∂x_t/∂x_{t−1} for a case (RJS-STEP diagnosis). */
export function stepJacobianForms(c: GeneratedStepCase): WrongForm[] {
  const p = comparisonPrecision(c.dtype);
  const r = recurrence(c);
  const x = exact(c.n, 1, c.x);
  const u = exact(c.m, 1, c.u);
  const s = stepParts(r, x, u, p);
  const W = r.W;
  const Wt = transpose(W);
  const D = s.slope;
  const elman = c.form === 'elman';
  const at = elman ? 'a_t' : 'x_{t-1}';
  const fin = (b: Bounded): Bounded => finish(b, c.dtype);
  const forms: WrongForm[] = [
    elman
      ? {
          id: 'transpose-W',
          formula: `diag(σ'(a_t))·Wᵀ`,
          message: 'W is transposed inside the Jacobian: the row-vector weight layout (h·R) was read as the column-vector one (W·h)',
          value: fin(scaleRows(D, Wt, p)),
        }
      : {
          id: 'transpose-W',
          formula: `Wᵀ·diag(σ'(x_{t-1}))`,
          message:
            "the Jacobian is the form printed in Pascanu et al. (2013), Wᵀ·diag(σ'): W is transposed inside it (row-vector weights read as column-vector ones)",
          value: fin(scaleCols(Wt, D, p)),
        },
    {
      id: 'transposed-jacobian',
      formula: elman ? `Wᵀ·diag(σ'(a_t)) = (diag(σ'(a_t))·W)ᵀ` : `diag(σ'(x_{t-1}))·Wᵀ = (W·diag(σ'(x_{t-1})))ᵀ`,
      message: 'your backend returns the transpose of the Jacobian (denominator layout, or rows of a VJP stored as columns)',
      value: fin(transpose(s.J)),
    },
    {
      id: 'diag-wrong-side',
      formula: elman ? `W·diag(σ'(a_t))` : `diag(σ'(x_{t-1}))·W`,
      message: elman
        ? "σ' scales the columns instead of the rows: the pascanu form's Jacobian was applied to the elman form"
        : "σ' scales the rows instead of the columns: the elman form's Jacobian was applied to the pascanu form",
      value: fin(elman ? scaleCols(W, D, p) : scaleRows(D, W, p)),
    },
    {
      id: 'sigma-for-derivative',
      formula: elman ? 'diag(σ(a_t))·W' : 'W·diag(σ(x_{t-1}))',
      message: "σ was used where σ' belongs",
      value: fin(elman ? scaleRows(mapSigma(s.pre, r.act, r.alpha, p), W, p) : scaleCols(W, mapSigma(s.pre, r.act, r.alpha, p), p)),
    },
    { id: 'no-activation-derivative', formula: 'W', message: "the activation's derivative is missing (σ' taken as 1)", value: fin(W) },
    { id: 'no-W', formula: `diag(σ'(${at}))`, message: 'W is missing from the Jacobian', value: fin(diagMatrix(D)) },
    { id: 'negated', formula: '−J', message: 'the Jacobian has the wrong sign', value: fin(negated(s.J)) },
  ];
  if (elman) {
    forms.push(
      {
        id: 'transpose-W',
        formula: `diag(σ'(Wᵀ·h_{t-1} + U·u_t + b))·Wᵀ`,
        message: 'W is transposed throughout the step, the forward pass included: the layer holds W where its row-vector layout needs Wᵀ (h·R read as W·h)',
        value: fin(stepParts(transposedW(c), x, u, p).J),
      },

      {
        id: 'derivative-at-previous-state',
        formula: "diag(σ'(h_{t-1}))·W",
        message: "σ' is taken at the wrong time step: at h_{t-1} instead of the pre-activation a_t",
        value: fin(scaleRows(mapDerivative(x, r.act, r.alpha, p), W, p)),
      },
      {
        id: 'derivative-of-output',
        formula: "diag(σ'(h_t))·W",
        message: "σ' is evaluated at the output h_t = σ(a_t) instead of at a_t (e.g. 1 − tanh² applied to tanh's output twice)",
        value: fin(scaleRows(mapDerivative(s.next, r.act, r.alpha, p), W, p)),
      },
    );
  } else {
    forms.push({
      id: 'derivative-at-next-state',
      formula: "W·diag(σ'(x_t))",
      message: "σ' is taken at the wrong time step: at x_t instead of x_{t-1}",
      value: fin(scaleCols(W, mapDerivative(s.next, r.act, r.alpha, p), p)),
    });
  }
  const spec = specDocument().activations.find((a) => a.name === c.activation.name);
  const alphaDefault = spec?.params.find((q) => q.name === 'alpha')?.default;
  if (alphaDefault !== undefined && alphaDefault !== c.activation.alpha) {
    const J = stepParts({ ...r, alpha: alphaDefault }, x, u, p).J;
    forms.push({
      id: 'alpha-ignored',
      formula: `J with alpha = ${alphaDefault}`,
      message: `the activation's alpha = ${c.activation.alpha} was ignored: the Jacobian uses alpha = ${alphaDefault}`,
      value: fin(J),
    });
  }
  if (c.activation.name === 'gelu') {
    forms.push({
      id: 'gelu-tanh-approximation',
      formula: "J with gelu' of the tanh approximation",
      message:
        "gelu' is that of gelu's tanh approximation, x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2 (approximate='tanh'), where the catalogue's gelu is the exact erf form",
      value: fin(stepParts({ ...r, act: geluTanh }, x, u, p).J),
    });
  }
  for (const other of Object.values(activations)) {
    if (other.name === c.activation.name) continue;
    const J = stepParts({ ...r, act: other }, x, u, p).J;
    forms.push({
      id: 'wrong-activation-derivative',
      formula: `J with σ = ${other.name}`,
      message: `the derivative is that of ${other.name}, not of ${c.activation.name}`,
      value: fin(J),
    });
  }
  return forms;
}
