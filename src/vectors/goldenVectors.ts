/**
 * Golden vectors (`rnn-jac-spec vectors --out DIR`): a fixed, seeded set of cases with their expected
 * values and entrywise tolerances, as JSON at full float64 precision (specs/vectors.schema.json), so
 * that a framework in any language checks itself against the spec without Node: compute each output
 * from the case's inputs with the framework's autodiff, and pass when |actual − expected| ≤ tolerance
 * in every entry (RJS-TOL-1). The cases come from the suite's own generators, one per property ×
 * form × activation × dtype, small (n ≤ 4, m ≤ 3, T ≤ 3); expected values and tolerances come from
 * the same bounded float64 model the properties use.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { activations } from '../activation/activations.js';
import { adjointCase } from '../arbitrary/adjointCase.js';
import { lossCase, sequenceCase } from '../arbitrary/sequenceCase.js';
import { stepCase } from '../arbitrary/stepCase.js';
import type { Bounded } from '../bound/bounded.js';
import type { Dtype, Form } from '../contract.js';
import { expectedForward, expectedInputJacobian, expectedJvp, expectedParameterGradients, expectedSequenceJacobian, expectedStepJacobian, expectedVjp } from '../model/expected.js';
import { serializeCase } from '../runner/serializeCase.js';
import { specDocument } from '../spec/specDocument.js';

/** One output of a vector: its shape, expected values and tolerances, row-major. */
export interface GoldenOutput {
  readonly rows: number;
  readonly cols: number;
  readonly expected: readonly number[];
  readonly tolerance: readonly number[];
}

/** One golden vector: a case (the adapter contract's inputs) and what its outputs must be. */
export interface GoldenVector {
  /** Form, activation and dtype, e.g. `elman/tanh/float32`. */ readonly id: string;
  /** The inputs, named as in the adapter contract (src/contract.ts), typed arrays as arrays. */ readonly case: Record<string, unknown>;
  /** The outputs by name (see {@link GOLDEN_PROPERTIES}). */ readonly outputs: Record<string, GoldenOutput>;
}

/** The vectors of one property. */
export interface GoldenFile {
  readonly property: string;
  readonly rule: string;
  /** What each output is, and how it is laid out. */ readonly outputs: Record<string, string>;
  readonly vectors: readonly GoldenVector[];
}

/** Sizes of the golden cases: small, so that every entry can be read. */
const SIZES = { maxN: 4, maxM: 3, maxT: 3 } as const;

type Gen = (form: Form, activation: string, dtype: Dtype) => fc.Arbitrary<{ kase: object; outputs: Record<string, Bounded> }>;

/**
 * The properties with a closed form, and how their vectors are made. kink-subgradient (an interval
 * of accepted values on a kink) and gradient-bound (an inequality) have none, nor has adjoint, whose
 * two sides become the `vjp` and `jvp` files.
 */
const GENERATORS: Readonly<Record<string, { property: string; rule: string; outputs: Record<string, string>; gen: Gen }>> = {
  'step-jacobian': {
    property: 'step-jacobian', rule: 'RJS-STEP', outputs: { J: '∂x_t/∂x_{t-1} at x_{t-1} = case.x, u_t = case.u: n×n, row i = output i (numerator layout)' },
    gen: (form, a, dtype) => stepCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { J: expectedStepJacobian(c) } })),
  },
  'input-jacobian': {
    property: 'input-jacobian', rule: 'RJS-INPUT', outputs: { J: '∂x_t/∂u_t: n×m, row i = output i' },
    gen: (form, a, dtype) => stepCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { J: expectedInputJacobian(c) } })),
  },
  'sequence-jacobian': {
    property: 'sequence-jacobian', rule: 'RJS-SEQ', outputs: { J: '∂x_T/∂x_0 from case.x0 through inputs case.us (T×m, row t−1 = u_t): n×n' },
    gen: (form, a, dtype) => sequenceCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { J: expectedSequenceJacobian(c) } })),
  },
  'parameter-gradients': {
    property: 'parameter-gradients', rule: 'RJS-GRAD',
    outputs: { W: '∂L/∂W, n×n, for L = Σ_t ⟨c_t, x_t⟩ with c_t = row t−1 of case.cs (T×n)', U: '∂L/∂U, n×m', b: '∂L/∂b, n×1', x0: '∂L/∂x_0, n×1' },
    gen: (form, a, dtype) => lossCase(constraints(form, a, dtype)).map((c) => {
      const g = expectedParameterGradients(c);
      return { kase: c, outputs: { W: g.W, U: g.U, b: g.b, x0: g.x0 } };
    }),
  },
  forward: {
    property: 'forward', rule: 'RJS-FWD', outputs: { states: 'x_1 … x_T: T×n, row t−1 = x_t' },
    gen: (form, a, dtype) => sequenceCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { states: expectedForward(c) } })),
  },
  vjp: {
    property: 'adjoint', rule: 'RJS-ADJ', outputs: { vjp: 'Jᵀ·v for J = ∂x_t/∂x_{t-1} and v = case.v: n×1' },
    gen: (form, a, dtype) => adjointCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { vjp: expectedVjp(c, c.v) } })),
  },
  jvp: {
    property: 'adjoint', rule: 'RJS-ADJ', outputs: { jvp: 'J·w for J = ∂x_t/∂x_{t-1} and w = case.w: n×1' },
    gen: (form, a, dtype) => adjointCase(constraints(form, a, dtype)).map((c) => ({ kase: c, outputs: { jvp: expectedJvp(c, c.w) } })),
  },
};

/** The golden files, by name (`step-jacobian`, …, `vjp`, `jvp`). */
export const GOLDEN_PROPERTIES = Object.keys(GENERATORS);

function constraints(form: Form, activation: string, dtype: Dtype) {
  return { ...SIZES, dtype, forms: [form], activations: [activation] };
}

/**
 * The first drawn case that can tell layouts apart: n, m ≥ 2, a W that is not symmetric, and no
 * output that is all zeros (fast-check's first draws are its smallest, often W = 0); else the last.
 */
function informative<T extends { kase: object; outputs: Record<string, Bounded> }>(drawn: readonly T[]): T {
  const good = (d: T) => {
    const { n, m, W } = d.kase as { n: number; m: number; W: Float64Array };
    const asymmetric = Array.from({ length: n * n }, (_, k) => W[k] !== W[(k % n) * n + Math.floor(k / n)]).some(Boolean);
    return n >= 2 && m >= 2 && asymmetric && Object.values(d.outputs).every((o) => o.v.some((x) => x !== 0));
  };
  return drawn.find(good) ?? drawn[drawn.length - 1];
}

function output(b: Bounded): GoldenOutput {
  return { rows: b.rows, cols: b.cols, expected: Array.from(b.v), tolerance: Array.from(b.e) };
}

/** What `index.json` says about a set of vectors. */
export interface GoldenIndex {
  readonly format: 'rnn-jac-spec golden vectors';
  readonly version: 1;
  readonly specVersion: string;
  readonly seed: number;
  readonly rule: string;
  readonly files: Record<string, { readonly property: string; readonly rule: string; readonly vectors: number }>;
}

/**
 * Generates the golden vectors: for every file of {@link GOLDEN_PROPERTIES}, one vector per form ×
 * catalogue activation × dtype, drawn with `seed` (each combination from its own derived seed, so
 * adding an activation leaves the others unchanged).
 * @param seed - the fast-check seed
 * @returns `index.json` and the files, by name (without `.json`)
 */
export function goldenVectors(seed: number): { index: GoldenIndex; files: Record<string, GoldenFile> } {
  const spec = specDocument();
  const forms = spec.forms.map((f) => f.name as Form);
  const files: Record<string, GoldenFile> = {};
  for (const [name, g] of Object.entries(GENERATORS)) {
    const vectors: GoldenVector[] = [];
    let k = 0;
    for (const form of forms) {
      for (const activation of Object.keys(activations)) {
        for (const dtype of ['float64', 'float32'] as const) {
          const drawn = informative(fc.sample(g.gen(form, activation, dtype), { seed: (seed + 7919 * ++k) | 0, numRuns: 50 }));
          const outputs = Object.fromEntries(Object.entries(drawn.outputs).map(([o, b]) => [o, output(b)]));
          vectors.push({ id: `${form}/${activation}/${dtype}`, case: serializeCase(drawn.kase, undefined), outputs });
        }
      }
    }
    files[name] = { property: g.property, rule: g.rule, outputs: g.outputs, vectors };
  }
  const index: GoldenIndex = {
    format: 'rnn-jac-spec golden vectors', version: 1, specVersion: spec.specVersion, seed,
    rule: 'A framework passes a vector when every entry of every output satisfies |actual − expected| ≤ tolerance (RJS-TOL-1); tolerances are for the dtype of the case.',
    files: Object.fromEntries(Object.entries(files).map(([n, f]) => [n, { property: f.property, rule: f.rule, vectors: f.vectors.length }])),
  };
  return { index, files };
}
