/**
 * The golden files: for each, the property and rule it checks, its outputs, the kind of case it draws,
 * its expected values (the spec's model), the same outputs as a wrong implementation computes them
 * ({@link ModelVariation}), and the diagnosis catalogue's wrong forms for it.
 * @packageDocumentation
 */
import type { AdjointCase } from '../arbitrary/adjointCase.js';
import type { DrawKind } from '../arbitrary/caseDraw.js';
import type { GeneratedLossCase } from '../arbitrary/sequenceCase.js';
import { exact, matmul, stackRows, transpose, type Bounded } from '../bound/bounded.js';
import { forwardForms } from '../diagnosis/forwardForms.js';
import { gradientForms } from '../diagnosis/gradientForms.js';
import { inputJacobianForms } from '../diagnosis/inputForms.js';
import { sequenceJacobianForms } from '../diagnosis/sequenceForms.js';
import { stepJacobianForms } from '../diagnosis/stepForms.js';
import { productForms } from '../diagnosis/vectorForms.js';
import type { WrongForm } from '../diagnosis/wrongForm.js';
import { bptt } from '../model/bptt.js';
import { chainProduct } from '../model/chainProduct.js';
import {
  expectedForward,
  expectedInputJacobian,
  expectedJvp,
  expectedParameterGradients,
  expectedSequenceJacobian,
  expectedStepJacobian,
  expectedVjp,
  finish,
} from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import type { ModelVariation } from './modelVariation.js';
import { variedStep, variedTrajectory } from './variedModel.js';

/** The golden files, by name, in the order `index.json` lists them: the one source of their names. */
export const GOLDEN_FILES = ['step-jacobian', 'input-jacobian', 'sequence-jacobian', 'parameter-gradients', 'forward', 'vjp', 'jvp'] as const;
/** A golden file's name (`NAME.json`). */
export type GoldenFileName = (typeof GOLDEN_FILES)[number];

/** A golden case: a drawn case in the adapter contract's shape (typed arrays), v and w included for vjp/jvp. */
export type GoldenCase = AdjointCase & GeneratedLossCase;

/** A wrong form of one output of a golden file. */
export interface OutputForm {
  /** The output it is a wrong value of. */ readonly output: string;
  /** The form, its value bounded as the expected value is. */ readonly form: WrongForm;
  /**
   * Where it comes from: the diagnosis catalogue of the file's property, a {@link ModelVariation}, or
   * `derived`: a wrong layout of the file's own, or a step-Jacobian form carried through a product.
   */
  readonly source: 'catalogue' | 'variation' | 'derived';
}

/** How one golden file is made. */
export interface GoldenFileDef {
  /** The property (CLI name) whose closed form it holds. */ readonly property: string;
  /** The rule in specs/SPEC.md that its check is. */ readonly rule: string;
  /** What each output is, and its layout. */ readonly outputs: Readonly<Record<string, string>>;
  /** The kind of case it draws. */ readonly draw: DrawKind;
  /** The case fields its vectors carry, in contract order. */ readonly fields: readonly string[];
  /** The expected outputs: the spec's model with its bounds. */ expected(c: GoldenCase): Record<string, Bounded>;
  /** The outputs as an implementation with the variation computes them. */ varied(c: GoldenCase, v: ModelVariation): Record<string, Bounded>;
  /** The diagnosis catalogue's wrong forms of the outputs (the real `…Forms` functions). */ catalogue(c: GoldenCase): OutputForm[];
  /** The variations that apply beyond what the catalogue covers (from `modelVariations`). */ variations(
    c: GoldenCase,
    all: readonly ModelVariation[],
  ): ModelVariation[];
  /** The `derived` forms: wrong layouts the catalogue has no form for, step-Jacobian forms through a product. */ derived(c: GoldenCase): OutputForm[];
}

const STEP = ['n', 'm', 'form', 'activation', 'dtype', 'W', 'U', 'u', 'x', 'b'] as const;
const SEQUENCE = ['n', 'm', 'T', 'form', 'activation', 'dtype', 'W', 'U', 'b', 'x0', 'us'] as const;
const GRADIENTS = ['W', 'U', 'b', 'x0'] as const;

const of =
  (output: string, source: OutputForm['source']) =>
  (form: WrongForm): OutputForm => ({ output, form, source });
const only =
  (ids: readonly string[]) =>
  (_c: GoldenCase, all: readonly ModelVariation[]): ModelVariation[] =>
    all.filter((v) => ids.includes(v.id));
const fin =
  (c: GoldenCase) =>
  (b: Bounded): Bounded =>
    finish(b, c.dtype);

/** A step-Jacobian wrong form pushed through a product: what a VJP or JVP built on that Jacobian returns. */
function throughProduct(c: GoldenCase, mode: 'vjp' | 'jvp'): OutputForm[] {
  const p = comparisonPrecision(c.dtype);
  const vec = exact(c.n, 1, mode === 'vjp' ? c.v : c.w);
  return stepJacobianForms(c).map((f) =>
    of(
      mode,
      'derived',
    )({
      ...f,
      formula: mode === 'vjp' ? `(${f.formula})ᵀ·v` : `(${f.formula})·w`,
      value: fin(c)(matmul(mode === 'vjp' ? transpose(f.value) : f.value, vec, p)),
    }),
  );
}

/** Forward states T×n stored as n×T (time-major read as unit-major). */
function transposedStates(c: GoldenCase): OutputForm {
  const s = expectedForward(c);
  return of(
    'states',
    'derived',
  )({
    id: 'transposed-states',
    formula: '(x_1 … x_T)ᵀ read as T×n',
    message: 'the states are stored unit-major (n×T) where the contract lays them out time-major (T×n)',
    value: { ...transpose(s), rows: s.rows, cols: s.cols },
  });
}

const STEP_J = '∂x_t/∂x_{t-1} at x_{t-1} = case.x, u_t = case.u: n×n, row i = output i (numerator layout)';

/** The golden files' definitions, by name. */
export const GOLDEN_FILE_DEFS: Readonly<Record<GoldenFileName, GoldenFileDef>> = {
  'step-jacobian': {
    property: 'step-jacobian',
    rule: 'RJS-STEP',
    outputs: { J: STEP_J },
    draw: 'step',
    fields: STEP,
    expected: (c) => ({ J: expectedStepJacobian(c) }),
    varied: (c, v) => ({ J: fin(c)(variedStep(c, v).J) }),
    catalogue: (c) => stepJacobianForms(c).map(of('J', 'catalogue')),
    // The catalogue has alpha-ignored, diag-wrong-side and sigma-for-derivative for this property.
    variations: only(['gelu-tanh-approximation']),
    derived: () => [],
  },
  'input-jacobian': {
    property: 'input-jacobian',
    rule: 'RJS-INPUT',
    outputs: { J: '∂x_t/∂u_t at x_{t-1} = case.x, u_t = case.u: n×m, row i = output i' },
    draw: 'step',
    fields: STEP,
    expected: (c) => ({ J: expectedInputJacobian(c) }),
    varied: (c, v) => ({ J: fin(c)(variedStep(c, v).Ju) }),
    catalogue: (c) => inputJacobianForms(c).map(of('J', 'catalogue')),
    // pascanu's ∂x_t/∂u_t = U holds no σ; D·U has no meaning for an n×m U.
    variations: (c, all) => (c.form === 'pascanu' ? [] : all.filter((v) => v.id !== 'diag-wrong-side')),
    derived: () => [],
  },
  'sequence-jacobian': {
    property: 'sequence-jacobian',
    rule: 'RJS-SEQ',
    outputs: { J: '∂x_T/∂x_0 from case.x0 through inputs case.us (T×m, row t−1 = u_t): n×n, row i = output i' },
    draw: 'sequence',
    fields: SEQUENCE,
    expected: (c) => ({ J: expectedSequenceJacobian(c) }),
    varied: (c, v) => ({
      J: fin(c)(
        chainProduct(
          variedTrajectory(c, v, true).steps.map((s) => s.J),
          comparisonPrecision(c.dtype),
        ),
      ),
    }),
    catalogue: (c) => sequenceJacobianForms(c).map(of('J', 'catalogue')),
    variations: (_c, all) => [...all],
    derived: () => [],
  },
  'parameter-gradients': {
    property: 'parameter-gradients',
    rule: 'RJS-GRAD',
    draw: 'loss',
    fields: [...SEQUENCE, 'cs'],
    outputs: { W: '∂L/∂W, n×n, for L = Σ_t ⟨c_t, x_t⟩ with c_t = row t−1 of case.cs (T×n)', U: '∂L/∂U, n×m', b: '∂L/∂b, n×1', x0: '∂L/∂x_0, n×1' },
    expected: (c) => ({ ...expectedParameterGradients(c) }),
    varied: (c, v) => {
      const g = bptt(c, comparisonPrecision(c.dtype), {}, variedTrajectory(c, v, true));
      return Object.fromEntries(GRADIENTS.map((k) => [k, fin(c)(g[k])]));
    },
    catalogue: (c) => GRADIENTS.flatMap((k) => gradientForms(c, k).map(of(k, 'catalogue'))),
    variations: (_c, all) => [...all],
    derived: () => [],
  },
  forward: {
    property: 'forward',
    rule: 'RJS-FWD',
    outputs: { states: 'x_1 … x_T from case.x0 through inputs case.us: T×n, row t−1 = x_t' },
    draw: 'sequence',
    fields: SEQUENCE,
    expected: (c) => ({ states: expectedForward(c) }),
    varied: (c, v) => ({ states: fin(c)(stackRows(variedTrajectory(c, v, false).steps.map((s) => ({ ...s.next, rows: 1, cols: c.n })))) }),
    catalogue: (c) => forwardForms(c).map(of('states', 'catalogue')),
    // The states hold σ but no σ'.
    variations: (_c, all) => all.filter((v) => v.forward),
    derived: (c) => [transposedStates(c)],
  },
  vjp: {
    property: 'adjoint',
    rule: 'RJS-ADJ-1',
    outputs: { vjp: 'Jᵀ·v for J = ∂x_t/∂x_{t-1} at case.x, case.u and v = case.v: n×1' },
    draw: 'adjoint',
    fields: [...STEP, 'v'],
    expected: (c) => ({ vjp: expectedVjp(c, c.v) }),
    varied: (c, v) => ({ vjp: fin(c)(matmul(transpose(variedStep(c, v).J), exact(c.n, 1, c.v), comparisonPrecision(c.dtype))) }),
    catalogue: (c) => productForms(c, c.v, 'vjp').map(of('vjp', 'catalogue')),
    // Every step-Jacobian form reaches the product through throughProduct.
    variations: only(['gelu-tanh-approximation']),
    derived: (c) => throughProduct(c, 'vjp'),
  },
  jvp: {
    property: 'adjoint',
    rule: 'RJS-ADJ-2',
    outputs: { jvp: 'J·w for J = ∂x_t/∂x_{t-1} at case.x, case.u and w = case.w: n×1' },
    draw: 'adjoint',
    fields: [...STEP, 'w'],
    expected: (c) => ({ jvp: expectedJvp(c, c.w) }),
    varied: (c, v) => ({ jvp: fin(c)(matmul(variedStep(c, v).J, exact(c.n, 1, c.w), comparisonPrecision(c.dtype))) }),
    catalogue: (c) => productForms(c, c.w, 'jvp').map(of('jvp', 'catalogue')),
    variations: only(['gelu-tanh-approximation']),
    derived: (c) => throughProduct(c, 'jvp'),
  },
};
