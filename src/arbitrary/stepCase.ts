import fc from 'fast-check';
import { activationByName } from '../activation/activations.js';
import type { StepCase } from '../contract.js';
import { activationRef } from './activationRef.js';
import type { CaseConstraints } from './caseConstraints.js';
import { dimension } from './dimension.js';
import { entries, toDtype } from './entry.js';
import { recurrentMatrix } from './recurrentMatrix.js';
import { stateVector } from './stateValue.js';

/** A one-step case as generated: everything but the variant, which the runner adds. */
export type GeneratedStepCase = Omit<StepCase, 'variant'>;

/** Constraints of {@link stepCase}. */
export interface StepCaseConstraints extends CaseConstraints {
  /** Put some state entries exactly on kinks (the kink property), instead of only near them. */
  readonly onKink?: boolean;
}

/**
 * A one-step case. For the pascanu forms σ' is taken at x, so x comes from the state regions. For
 * elman σ' is taken at a = W·h + U·u + b, so the regions are drawn for a and b is solved for
 * (b = a − W·h − U·u, rounded to the dtype): a then lands within rounding of its target.
 */
export function stepCase(c: StepCaseConstraints): fc.Arbitrary<GeneratedStepCase> {
  return fc
    .record({
      n: dimension({ min: c.minN, max: c.maxN }),
      m: dimension({ max: c.maxM }),
      form: fc.constantFrom(...c.forms),
      activation: activationRef({ names: c.activations, dtype: c.dtype }),
    })
    .chain(({ n, m, form, activation }) => {
      const gamma = activationByName(activation.name).gamma(activation.alpha ?? 0);
      const states = stateVector(n, { dtype: c.dtype, onKink: c.onKink });
      return fc
        .record({
          W: recurrentMatrix({ n, gamma, dtype: c.dtype }),
          U: entries(n * m, { bound: 1, dtype: c.dtype }),
          u: form === 'pascanu-sigma-input' ? stateVector(m, { dtype: c.dtype }) : entries(m, { bound: 2, dtype: c.dtype }),
          x: form === 'elman' ? entries(n, { bound: 1, dtype: c.dtype }) : states,
          target: form === 'elman' ? states : fc.constant(undefined),
          b: entries(n, { bound: 1, dtype: c.dtype }),
        })
        .map(({ W, U, u, x, target, b }): GeneratedStepCase => {
          const bias = target === undefined ? b : solveBias(target, W, x, U, u, n, m, c.dtype);
          return { n, m, form, activation, dtype: c.dtype, W, U, u, x, b: bias };
        });
    });
}

function solveBias(a: Float64Array, W: Float64Array, h: Float64Array, U: Float64Array, u: Float64Array, n: number, m: number, dtype: StepCase['dtype']): Float64Array {
  return Float64Array.from(a, (ai, i) => {
    let s = ai;
    for (let k = 0; k < n; k++) s -= W[i * n + k] * h[k];
    for (let k = 0; k < m; k++) s -= U[i * m + k] * u[k];
    return toDtype(s, dtype);
  });
}
