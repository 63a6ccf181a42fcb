import { materialize, type CaseDraw } from '../arbitrary/caseDraw.js';
import { kinkPoints } from '../arbitrary/kinkGuard.js';
import { drawSequenceCase } from '../arbitrary/sequenceCase.js';
import { drawStepCase } from '../arbitrary/stepCase.js';
import type { Bounded } from '../bound/bounded.js';
import type { Dtype, Form } from '../contract.js';
import { caseRandom } from '../runner/caseRandom.js';
import { judgeForms } from './goldenForms.js';
import { GOLDEN_FILE_DEFS, type GoldenCase, type GoldenFileName } from './goldenFiles.js';
import { significant } from './rejects.js';

/** Sizes of the golden cases: small, so that every entry can be read, and large enough for every form. */
export const GOLDEN_SIZES = { minN: 2, maxN: 4, minM: 2, maxM: 3, minT: 2, maxT: 3 } as const;

/** Candidates drawn for one vector before giving up: the accepted one is usually among the first hundred. */
export const MAX_CANDIDATES = 2000;

/** A golden case and its expected outputs. */
export interface GoldenDraw {
  /** The case, contract-shaped (typed arrays). */ readonly kase: GoldenCase;
  /** The expected outputs, by name. */ readonly expected: Record<string, Bounded>;
  /** How many candidates were drawn for it. */ readonly candidates: number;
}

/** FNV-1a of a string: a vector's own seed depends on its name, not on its position in the set. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function dense(a: Float64Array): boolean {
  return a.every((x) => x !== 0);
}

/** Why the draw cannot be a golden case, before any output is computed; undefined when it may be. */
function unfit(d: CaseDraw, sequence: boolean): string | undefined {
  if (d.n < GOLDEN_SIZES.minN || d.m < GOLDEN_SIZES.minM) return `n = ${d.n}, m = ${d.m}: a transpose cannot show below 2`;
  if (sequence && d.T < GOLDEN_SIZES.minT) return `T = ${d.T}: the product of one step has no order`;
  if (!dense(d.W) || !dense(d.U)) return 'a zero entry in W or U';
  if (kinkPoints(d).size > 0) return "a point where σ' is taken is within reach of a kink";
  return undefined;
}

/**
 * Draws the golden case of one file × recurrence form × activation × dtype: candidates from the suite's
 * own generators (RJS-GEN), each from the random source of the vector's name mixed with `seed` and the
 * candidate's index, until one has n, m (and T) ≥ 2, dense W and U, no σ' taken within reach of a kink,
 * no output without a significant entry, and rejects every wrong form ({@link judgeForms}) but the
 * coincident ones. Throws, naming the form that passed the last candidate, when none does.
 */
export function drawGoldenCase(file: GoldenFileName, form: Form, activation: string, dtype: Dtype, seed: number): GoldenDraw {
  const def = GOLDEN_FILE_DEFS[file];
  const constraints = { ...GOLDEN_SIZES, dtype, forms: [form], activations: [activation] };
  const sequence = def.draw === 'sequence' || def.draw === 'loss';
  const base = seed ^ hash(`${file}/${form}/${activation}/${dtype}`);
  let last = 'no candidate drawn';
  for (let k = 0; k < MAX_CANDIDATES; k++) {
    const mrng = caseRandom(base, k);
    const d = sequence ? drawSequenceCase(mrng, constraints, def.draw === 'loss') : drawStepCase(mrng, constraints, def.draw === 'adjoint');
    const why = unfit(d, sequence);
    if (why !== undefined) {
      last = why;
      continue;
    }
    const kase = materialize(d) as unknown as GoldenCase;
    const expected = def.expected(kase);
    const flat = Object.entries(expected).find(([, o]) => !significant(o));
    if (flat !== undefined) {
      last = `output ${flat[0]} has no entry beyond its tolerance`;
      continue;
    }
    const passed = judgeForms(file, kase, expected).find((j) => j.verdict === 'passed');
    if (passed === undefined) return { kase, expected, candidates: k + 1 };
    last = `the wrong form ${passed.form.form.id} (${passed.form.form.formula}) passes output ${passed.form.output}`;
  }
  throw new Error(`golden vectors: no ${file} case for ${form}/${activation}/${dtype} in ${MAX_CANDIDATES} candidates; the last was refused because ${last}`);
}
