/**
 * Every committed golden vector rejects every applicable wrong form: the diagnosis catalogue's forms
 * of its file (called here through the real `…Forms` functions, so that a form added to the catalogue
 * is checked at once) and the extra ones of src/vectors (default alpha, gelu's tanh approximation,
 * D·W for W·D, σ for σ', the transposed or adjoint layout, step forms through a product). Rejected
 * means that every computation of the form within its own bound fails the vector: some entry has
 * |w − v| > tolerance + e_w. The only exceptions are the coincident forms of
 * src/vectors/coincidentForms.ts, and each of those must indeed pass the vector.
 */
import { describe, expect, it } from 'vitest';
import type { Bounded } from '../../src/bound/bounded.js';
import { forwardForms } from '../../src/diagnosis/forwardForms.js';
import { gradientForms } from '../../src/diagnosis/gradientForms.js';
import { inputJacobianForms } from '../../src/diagnosis/inputForms.js';
import { sequenceJacobianForms } from '../../src/diagnosis/sequenceForms.js';
import { stepJacobianForms } from '../../src/diagnosis/stepForms.js';
import { productForms } from '../../src/diagnosis/vectorForms.js';
import type { WrongForm } from '../../src/diagnosis/wrongForm.js';
import { coincidence } from '../../src/vectors/coincidentForms.js';
import { GOLDEN_FILE_DEFS, GOLDEN_FILES, type GoldenCase, type GoldenFileName } from '../../src/vectors/goldenFiles.js';
import { goldenForms } from '../../src/vectors/goldenForms.js';
import type { GoldenVector } from '../../src/vectors/goldenVectors.js';
import { variedStep } from '../../src/vectors/variedModel.js';
import { boundedOutput, committedFile, contractCase } from './committedVectors.js';

type Named = { readonly output: string; readonly form: WrongForm };
const on =
  (output: string) =>
  (form: WrongForm): Named => ({ output, form });

/** The diagnosis catalogue of each file, straight from src/diagnosis. */
const CATALOGUE: Readonly<Record<GoldenFileName, (c: GoldenCase) => Named[]>> = {
  'step-jacobian': (c) => stepJacobianForms(c).map(on('J')),
  'input-jacobian': (c) => inputJacobianForms(c).map(on('J')),
  'sequence-jacobian': (c) => sequenceJacobianForms(c).map(on('J')),
  'parameter-gradients': (c) => (['W', 'U', 'b', 'x0'] as const).flatMap((k) => gradientForms(c, k).map(on(k))),
  forward: (c) => forwardForms(c).map(on('states')),
  vjp: (c) => productForms(c, c.v, 'vjp').map(on('vjp')),
  jvp: (c) => productForms(c, c.w, 'jvp').map(on('jvp')),
};

/** |w − v| > e_v + e_w in some entry (NaN counts), or another length. */
function rejected(expected: Bounded, w: Bounded): boolean {
  return w.v.length !== expected.v.length || expected.v.some((x, i) => !(Math.abs(w.v[i] - x) <= expected.e[i] + w.e[i]));
}

/** The forms that break the guarantee on one vector, described; with `planted`, those forms too. */
function violations(file: GoldenFileName, v: GoldenVector, planted: readonly Named[] = []): { problems: string[]; checked: number; coincident: number } {
  const c = contractCase(v);
  const extra = goldenForms(file, c).filter((f) => f.source !== 'catalogue');
  const forms = [...CATALOGUE[file](c), ...extra, ...planted];
  const problems: string[] = [];
  let coincident = 0;
  for (const { output, form } of forms) {
    const reason = coincidence(file, c, form);
    const out = rejected(boundedOutput(v.outputs[output]), form.value);
    if (reason !== undefined) coincident++;
    if (reason === undefined && !out) problems.push(`${file} ${v.id}: ${form.id} (${form.formula}) passes output ${output}`);
    if (reason !== undefined && out) problems.push(`${file} ${v.id}: ${form.id} (${form.formula}) is listed as coincident but the vector rejects it`);
  }
  return { problems, checked: forms.length, coincident };
}

/** The extra forms each vector of a file must have, where they apply (by ID, in any output). */
function requiredExtras(file: GoldenFileName, c: GoldenCase): string[] {
  const alpha = c.activation.alpha !== undefined ? [file === 'step-jacobian' ? 'alpha-ignored' : 'alpha-default'] : [];
  const gelu = c.activation.name === 'gelu' ? ['gelu-tanh-approximation'] : [];
  const derivatives = ['diag-wrong-side', 'sigma-for-derivative'];
  switch (file) {
    case 'step-jacobian':
      return [...alpha, ...gelu, ...derivatives, 'transposed-jacobian'];
    case 'input-jacobian':
      return c.form === 'pascanu' ? ['transposed-jacobian'] : [...alpha, ...gelu, 'sigma-for-derivative', 'transposed-jacobian'];
    case 'sequence-jacobian':
      return [...alpha, ...gelu, ...derivatives, 'transposed-jacobian', 'transposed-step-jacobians'];
    case 'parameter-gradients':
      return [...alpha, ...gelu, ...derivatives, 'transposed-parameter-gradient', 'forward-jacobian-in-backprop'];
    case 'forward':
      return [...alpha, ...gelu, 'transposed-states', 'transpose-W'];
    case 'vjp':
      return [...(alpha.length > 0 ? ['alpha-ignored'] : []), ...gelu, ...derivatives, 'vjp-applies-J'];
    case 'jvp':
      return [...(alpha.length > 0 ? ['alpha-ignored'] : []), ...gelu, ...derivatives, 'jvp-applies-Jt'];
  }
}

describe.each(GOLDEN_FILES)('%s golden vectors', (file) => {
  const vectors = committedFile(file).vectors;

  it('reject every applicable wrong form of the catalogue and every extra form; coincident forms pass', () => {
    const all = vectors.map((v) => violations(file, v));
    expect(all.flatMap((r) => r.problems)).toEqual([]);
    // pascanu's input Jacobian U has the fewest forms that can differ from it: its transpose and −U.
    expect(Math.min(...all.map((r) => r.checked - r.coincident))).toBeGreaterThanOrEqual(2);
  });

  it('are checked against the same catalogue forms the generator drew them against, and the required extra forms', () => {
    for (const v of vectors) {
      const c = contractCase(v);
      const generator = goldenForms(file, c)
        .filter((f) => f.source === 'catalogue')
        .map((f) => `${f.output} ${f.form.id} ${f.form.formula}`);
      expect(generator).toEqual(CATALOGUE[file](c).map((f) => `${f.output} ${f.form.id} ${f.form.formula}`));
      const ids = new Set(goldenForms(file, c).map((f) => f.form.id));
      for (const id of requiredExtras(file, c)) expect(ids.has(id), `${v.id}: no ${id} form`).toBe(true);
    }
  });
});

describe('the wrong-form check', () => {
  it('reports a form that a vector does not reject (the right value, planted as a form)', () => {
    const v = committedFile('step-jacobian').vectors[0];
    const right = boundedOutput(v.outputs.J);
    const planted = on('J')({ id: 'planted', formula: 'J', message: 'the right value', value: { ...right, e: new Float64Array(right.e.length) } });
    expect(violations('step-jacobian', v, [planted]).problems).toEqual([`step-jacobian ${v.id}: planted (J) passes output J`]);
  });

  it("evaluates the extra forms on the spec's own model: without a variation it gives the expected values exactly", () => {
    for (const v of committedFile('step-jacobian').vectors) {
      const c = contractCase(v);
      const none = { id: 'none', formula: '', message: '', forward: true };
      const J = GOLDEN_FILE_DEFS['step-jacobian'].varied(c, none).J;
      // + 0: JSON has no −0.
      expect(Array.from(J.v, (x) => x + 0)).toEqual(v.outputs.J.expected);
      expect(Array.from(J.e)).toEqual(v.outputs.J.tolerance);
      expect(variedStep(c).J.v).toEqual(variedStep(c, none).J.v);
    }
    for (const file of ['sequence-jacobian', 'parameter-gradients', 'forward', 'vjp', 'jvp', 'input-jacobian'] as const) {
      for (const v of committedFile(file).vectors) {
        const got = GOLDEN_FILE_DEFS[file].varied(contractCase(v), { id: 'none', formula: '', message: '', forward: true });
        for (const [name, o] of Object.entries(v.outputs))
          expect(
            Array.from(got[name].v, (x) => x + 0),
            `${file} ${v.id} ${name}`,
          ).toEqual(o.expected);
      }
    }
  });
});
