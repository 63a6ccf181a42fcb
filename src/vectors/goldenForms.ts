import type { Bounded } from '../bound/bounded.js';
import { coincidence } from './coincidentForms.js';
import { GOLDEN_FILE_DEFS, type GoldenCase, type GoldenFileName, type OutputForm } from './goldenFiles.js';
import { modelVariations } from './modelVariation.js';
import { rejects } from './rejects.js';

/**
 * Every wrong form a vector of the file must reject: the diagnosis catalogue's forms of its property,
 * the model variations that apply beyond them (default alpha, gelu's tanh approximation, D·W for W·D,
 * σ for σ'), and the derived ones (wrong layouts, step-Jacobian forms through a product).
 */
export function goldenForms(file: GoldenFileName, c: GoldenCase): OutputForm[] {
  const def = GOLDEN_FILE_DEFS[file];
  const variations = def.variations(c, modelVariations(c.activation)).flatMap((v) => {
    const outputs = def.varied(c, v);
    return Object.entries(outputs).map(
      ([output, value]): OutputForm => ({ output, source: 'variation', form: { id: v.id, formula: v.formula, message: v.message, value } }),
    );
  });
  return [...def.catalogue(c), ...variations, ...def.derived(c)];
}

/** How one wrong form fares against a vector. */
export interface FormVerdict {
  /** The form. */ readonly form: OutputForm;
  /** `rejected`: every computation of it fails the vector; `coincident`: no case can tell it from the right value. */ readonly verdict:
    | 'rejected'
    | 'coincident'
    | 'passed';
  /** For `coincident`, why. */ readonly reason?: string;
}

/** Judges every wrong form of the file against the vector's expected outputs. */
export function judgeForms(file: GoldenFileName, c: GoldenCase, expected: Readonly<Record<string, Bounded>>): FormVerdict[] {
  return goldenForms(file, c).map((form) => {
    const reason = coincidence(file, c, form.form);
    if (reason !== undefined) return { form, verdict: 'coincident', reason };
    return { form, verdict: rejects(expected[form.output], form.form.value) ? 'rejected' : 'passed' };
  });
}
