/**
 * Wrong implementations of the whole model, beyond the per-property forms of the diagnosis catalogue:
 * each changes what every golden file computes (forward states, Jacobians, products, gradients) in one
 * consistent way, as a framework with that bug would. Every golden vector rejects each variation that
 * applies to it (src/vectors/goldenForms.ts).
 * @packageDocumentation
 */
import type { Activation } from '../activation/activation.js';
import { scaleCols, scaleRows, type Precision } from '../bound/bounded.js';
import { mapSigma } from '../bound/elementwise.js';
import type { ActivationRef } from '../contract.js';
import type { Recurrence, StepParts } from '../model/stepParts.js';
import { specDocument } from '../spec/specDocument.js';
import { geluTanh } from '../activation/geluTanh.js';

/** How a wrong implementation departs from the spec's model. */
export interface ModelVariation {
  /** Stable ID, e.g. `alpha-default`. */ readonly id: string;
  /** The wrong formula. */ readonly formula: string;
  /** What it means, in a framework maintainer's words. */ readonly message: string;
  /** Whether it changes the forward states (otherwise only derivatives). */ readonly forward: boolean;
  /** The recurrence as the wrong implementation runs it (its σ or alpha). */ readonly recurrence?: (r: Recurrence) => Recurrence;
  /** Each step as the wrong implementation differentiates it. */ readonly step?: (s: StepParts, r: Recurrence, p: Precision) => StepParts;
}

/** The catalogue default of the activation's alpha, when it has one and the case's alpha differs. */
function defaultAlpha(a: ActivationRef): number | undefined {
  const d = specDocument()
    .activations.find((x) => x.name === a.name)
    ?.params.find((q) => q.name === 'alpha')?.default;
  return d !== undefined && d !== a.alpha ? d : undefined;
}

/** The activation's alpha replaced by its catalogue default (a framework that ignores the parameter). */
export function alphaDefault(a: ActivationRef): ModelVariation | undefined {
  const d = defaultAlpha(a);
  if (d === undefined) return undefined;
  return {
    id: 'alpha-default',
    formula: `alpha = ${d} in place of ${a.alpha}`,
    forward: true,
    message: `the activation's alpha = ${a.alpha} was ignored: everything is computed with the default alpha = ${d}`,
    recurrence: (r) => ({ ...r, alpha: d }),
  };
}

/** The exact (erf) gelu replaced by its tanh approximation, in σ and σ' alike. */
export const GELU_TANH: ModelVariation = {
  id: 'gelu-tanh-approximation',
  formula: 'x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2 in place of x·Φ(x)',
  forward: true,
  message: "gelu is computed in its tanh approximation (approximate='tanh') where the catalogue's gelu is the exact erf form",
  recurrence: (r) => ({ ...r, act: geluTanh as Activation }),
};

/** σ' applied on the wrong side of W: D·W in place of W·D (pascanu forms), W·D in place of D·W (elman). */
export const DIAG_WRONG_SIDE: ModelVariation = {
  id: 'diag-wrong-side',
  formula: "diag(σ')·W ↔ W·diag(σ')",
  forward: false,
  message: "σ' scales the rows of W where it scales the columns (or the reverse): every step Jacobian is the other form's",
  step: (s, r, p) => ({ ...s, J: r.form === 'elman' ? scaleCols(r.W, s.slope, p) : scaleRows(s.slope, r.W, p) }),
};

/** σ used where σ' belongs, at every point where the model differentiates σ. */
export const SIGMA_FOR_DERIVATIVE: ModelVariation = {
  id: 'sigma-for-derivative',
  formula: "σ in place of σ'",
  forward: false,
  message: "σ was used where σ' belongs, in every step Jacobian and in the backward pass",
  step: (s, r, p) => {
    const slope = mapSigma(s.pre, r.act, r.alpha, p);
    const elman = r.form === 'elman';
    // s.feature is σ(u_t) for pascanu-sigma-input: exactly what the wrong ∂x_t/∂u_t multiplies by.
    const Ju = elman ? scaleRows(slope, r.U, p) : r.form === 'pascanu-sigma-input' ? scaleCols(r.U, s.feature, p) : s.Ju;
    return { ...s, slope, J: elman ? scaleRows(slope, r.W, p) : scaleCols(r.W, slope, p), Ju };
  },
};

/** The variations that apply to a case with this activation, in a fixed order. */
export function modelVariations(a: ActivationRef): ModelVariation[] {
  const alpha = alphaDefault(a);
  return [...(alpha === undefined ? [] : [alpha]), ...(a.name === 'gelu' ? [GELU_TANH] : []), DIAG_WRONG_SIDE, SIGMA_FOR_DERIVATIVE];
}
