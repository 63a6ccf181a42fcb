import { transpose, type Bounded } from '../bound/bounded.js';
import type { GeneratedStepCase } from '../arbitrary/stepCase.js';
import type { VariantScope } from '../contract.js';
import { inputJacobianForms } from '../diagnosis/inputForms.js';
import { negated } from '../diagnosis/negated.js';
import { withTransposedW } from '../diagnosis/transposedWeights.js';
import { stepJacobianForms } from '../diagnosis/stepForms.js';
import type { WrongForm } from '../diagnosis/wrongForm.js';
import type { Catalogue } from '../diagnosis/formFamily.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { expectedCentralDifference, type Perturbed } from '../model/centralDifference.js';
import { expectedInputJacobian, expectedStepJacobian } from '../model/expected.js';

/** What a one-step Jacobian is checked against: its expected value, the wrong forms, and a note. */
export interface ExpectedJacobian {
  /** The expected value with its bound. */ readonly expected: Bounded;
  /** The known wrong forms, for the diagnosis (computed only on failure). */ readonly forms: () => Catalogue;
  /** What a failure's summary says the expected value is; undefined for autodiff. */ readonly note?: string;
}

/**
 * The expected value of ∂x_t/∂x_{t−1} (`state`) or ∂x_t/∂u_t (`input`) for the variant's scope:
 * RJS-STEP / RJS-INPUT for autodiff, the central-difference interval of RJS-TOL-FD when the scope
 * declares `finiteDifference`.
 */
export function expectedJacobian(c: GeneratedStepCase, scope: VariantScope | undefined, wrt: Perturbed): ExpectedJacobian {
  const fd = scope?.finiteDifference;
  if (fd === undefined) {
    if (wrt === 'state') {
      const expected = expectedStepJacobian(c);
      return { expected, forms: () => [...stepJacobianForms(c), ...parameterFamilies(c, expectedStepJacobian, { scaled: expected })] };
    }
    const expected = expectedInputJacobian(c);
    return { expected, forms: () => [...inputJacobianForms(c), ...parameterFamilies(c, expectedInputJacobian, { scaled: expected })] };
  }
  const expected = expectedCentralDifference(c, fd.step, wrt);
  return {
    expected,
    forms: () => centralDifferenceForms(c, fd.step, wrt, expected),
    note: `a finite-difference interval: the exact range of the central difference with h = ${stepText(fd.step)}, plus its roundoff (RJS-TOL-FD)`,
  };
}

/** h as a power of two where it is one (`2^-12`), else as a number. */
function stepText(h: number): string {
  const e = Math.log2(h);
  return Number.isInteger(e) ? `2^${e}` : String(h);
}

/** Wrong forms of a central-difference Jacobian, each with the same kind of bound (RJS-DIAG-1). */
function centralDifferenceForms(c: GeneratedStepCase, h: number, wrt: Perturbed, expected: Bounded): WrongForm[] {
  const t = transpose(expected);
  return [
    {
      id: 'transpose-W',
      formula: 'central differences of the recurrence with Wᵀ',
      message: 'W is transposed in the forward pass that is differenced: row-vector weights (h·R) were read as column-vector ones (W·h)',
      value: expectedCentralDifference(withTransposedW(c), h, wrt),
    },
    {
      id: 'transposed-jacobian',
      formula: wrt === 'state' ? '(∂x_t/∂x_{t-1})ᵀ' : '(∂x_t/∂u_t)ᵀ, m×n',
      message: 'the central differences of each perturbed entry are stored as a row instead of a column (the transpose of the Jacobian)',
      value: { ...t, rows: expected.rows, cols: expected.cols },
    },
    { id: 'negated', formula: '−J', message: 'the central differences have the wrong sign: f(x − h) − f(x + h)', value: negated(expected) },
  ];
}
