/**
 * Golden vectors (`rnn-jac-spec vectors --out DIR`): a fixed, seeded set of cases with their expected
 * values and entrywise tolerances, as JSON at full float64 precision (specs/vectors.schema.json), so
 * that a framework in any language checks itself against the spec without Node: compute each output
 * from the case's inputs with the framework's autodiff, and pass when |actual − expected| ≤ tolerance
 * in every entry (RJS-TOL-1). One vector per file × recurrence form × activation × dtype, small
 * (n ≤ 4, m ≤ 3, T ≤ 3), each drawn until it rejects every known wrong form ({@link drawGoldenCase}).
 * @packageDocumentation
 */
import { activations } from '../activation/activations.js';
import type { Bounded } from '../bound/bounded.js';
import type { Form } from '../contract.js';
import { serializeCase } from '../runner/serializeCase.js';
import { specDocument } from '../spec/specDocument.js';
import { drawGoldenCase } from './drawGoldenCase.js';
import { GOLDEN_FILE_DEFS, GOLDEN_FILES, type GoldenFileName } from './goldenFiles.js';

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
  /** The outputs by name (see {@link GoldenFile.outputs}). */ readonly outputs: Record<string, GoldenOutput>;
}

/** The vectors of one file. */
export interface GoldenFile {
  readonly property: string;
  readonly rule: string;
  /** What each output is, and how it is laid out. */ readonly outputs: Record<string, string>;
  readonly vectors: readonly GoldenVector[];
}

/** The version of the golden vectors' format (index.json's `version`). */
export const GOLDEN_FORMAT_VERSION = 2;

/** What `index.json` says about a set of vectors (specs/vectors-index.schema.json). */
export interface GoldenIndex {
  readonly format: 'rnn-jac-spec golden vectors';
  readonly version: typeof GOLDEN_FORMAT_VERSION;
  readonly specVersion: string;
  readonly seed: number;
  readonly rule: string;
  readonly files: Record<string, { readonly path: string; readonly property: string; readonly rule: string; readonly vectors: number }>;
}

/** The golden files, by name (`step-jacobian`, …, `vjp`, `jvp`). */
export const GOLDEN_PROPERTIES: readonly GoldenFileName[] = GOLDEN_FILES;

function output(b: Bounded): GoldenOutput {
  return { rows: b.rows, cols: b.cols, expected: Array.from(b.v), tolerance: Array.from(b.e) };
}

/** The case with only the fields the file's vectors carry (vjp vectors have no w, jvp vectors no v). */
function fields(kase: object, keep: readonly string[]): Record<string, unknown> {
  const all = serializeCase(kase, undefined);
  return Object.fromEntries(keep.map((k) => [k, all[k]]));
}

/**
 * Generates the golden vectors: for every file of {@link GOLDEN_FILES}, one vector per form ×
 * catalogue activation × dtype, each drawn from its own seed, derived from `seed` and the vector's
 * name (so adding an activation leaves the others unchanged).
 * @param seed - the seed the vectors' own seeds are derived from
 * @returns `index.json` and the files, by name (without `.json`)
 * @throws Error when no candidate for some vector rejects every wrong form
 */
export function goldenVectors(seed: number): { index: GoldenIndex; files: Record<GoldenFileName, GoldenFile> } {
  const spec = specDocument();
  const forms = spec.forms.map((f) => f.name as Form);
  const files = {} as Record<GoldenFileName, GoldenFile>;
  for (const name of GOLDEN_FILES) {
    const def = GOLDEN_FILE_DEFS[name];
    const vectors: GoldenVector[] = [];
    for (const form of forms) {
      for (const activation of Object.keys(activations)) {
        for (const dtype of ['float64', 'float32'] as const) {
          const d = drawGoldenCase(name, form, activation, dtype, seed);
          const outputs = Object.fromEntries(Object.entries(d.expected).map(([o, b]) => [o, output(b)]));
          vectors.push({ id: `${form}/${activation}/${dtype}`, case: fields(d.kase, def.fields), outputs });
        }
      }
    }
    files[name] = { property: def.property, rule: def.rule, outputs: { ...def.outputs }, vectors };
  }
  const index: GoldenIndex = {
    format: 'rnn-jac-spec golden vectors',
    version: GOLDEN_FORMAT_VERSION,
    specVersion: spec.specVersion,
    seed,
    rule: 'A framework passes a vector when every entry of every output satisfies |actual − expected| ≤ tolerance (RJS-TOL-1); tolerances are for the dtype of the case. Every vector is failed by every known wrong form of its file (RJS-VEC-3 of specs/SPEC.md).',
    files: Object.fromEntries(
      GOLDEN_FILES.map((n) => [n, { path: `${n}.json`, property: files[n].property, rule: files[n].rule, vectors: files[n].vectors.length }]),
    ),
  };
  return { index, files };
}
