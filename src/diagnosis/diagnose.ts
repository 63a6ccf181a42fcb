import type { Bounded } from '../bound/bounded.js';
import { compare } from '../check/compare.js';
import type { Dtype } from '../contract.js';
import { unitRoundoff } from '../model/precision.js';
import type { Diagnosis } from '../result.js';
import { fitFamily, isFamily, type Catalogue } from './formFamily.js';
import type { WrongForm } from './wrongForm.js';

/**
 * Says which known wrong form the actual value matches (within that form's own tolerance), in the
 * catalogue's order, most specific first (RJS-DIAG). Then, in turn: a one-parameter family fitted to
 * the values (a wrong alpha, slope or scale); a wrong form that the values follow to reduced
 * precision (two defects at once, e.g. a transposed Jacobian computed in a narrower format); and
 * when nothing is named, a description of the error: a uniform relative error is read as
 * reduced-precision arithmetic (with its effective mantissa bits), wrong entries that are all right
 * to about three digits as lost accuracy, and errors confined to one row or column are located. A
 * form that matches only loosely (across a kink) is never the diagnosis; it is mentioned.
 */
export function diagnose(catalogue: Catalogue, expected: Bounded, actual: ArrayLike<number>, dtype: Dtype): Diagnosis {
  const forms = catalogue.filter((f): f is WrongForm => !isFamily(f));
  // A form evaluated across a kink accepts a whole subgradient interval, so it matches loosely. It is
  // "loose" when its total tolerance exceeds the expected value's by more than 1/√u (an interval of
  // order 1 rather than rounding of order u).
  const slack = (e: Float64Array): number => e.reduce((a, b) => a + b, 0);
  const limit = (slack(expected.e) + Number.MIN_VALUE) / Math.sqrt(unitRoundoff(dtype));
  // A form that the expected value itself matches (σ' ≡ 1 makes "no σ'" the right answer) explains nothing,
  // and neither does one that differs from it only where it is itself about 0 (an actual value of all
  // zeros matches every form that underflows where the expected value does not).
  const sized = forms.filter((f) => f.value.v.length === actual.length && hasEvidence(f.value, expected));
  const matches = sized.filter((f) => compare(f.value, actual, f.id).maxRatio <= 1);
  const tight = matches.filter((f) => slack(f.value.e) <= limit);
  const first = tight[0];
  if (first !== undefined) {
    // On special cases (σ' ≡ 1, a zero state) several wrong forms coincide: say so rather than pick silently.
    const others = [...new Set(matches.map((f) => f.id))].filter((id) => id !== first.id);
    const tie = others.length > 0 ? ` (on this case it cannot be told apart from: ${others.join(', ')})` : '';
    return { id: first.id, formula: first.formula, message: first.message + tie, ...(others.length > 0 ? { alsoMatches: others } : {}) };
  }
  for (const family of catalogue.filter(isFamily)) {
    const fitted = fitFamily(family, expected, actual);
    if (fitted !== undefined) return { id: fitted.id, formula: fitted.formula, message: fitted.message };
  }
  const compound = compoundForm(
    sized.filter((f) => slack(f.value.e) <= limit),
    expected,
    actual,
    dtype,
  );
  if (compound !== undefined) return compound;
  const loose = [...new Set(matches.map((f) => f.id))];
  const described = describeError(expected, actual, dtype);
  if (loose.length === 0) return described;
  return {
    ...described,
    message: `${described.message} (it also matches ${loose.join(', ')}, but only loosely: the case sits on or next to a kink, where a whole interval of values is accepted, so that is no evidence)`,
  };
}

/**
 * Whether a form can explain a failure: in some entry it differs from the expected value beyond both
 * bounds and is itself significant (|v| above its bound), so that matching it says something.
 */
function hasEvidence(form: Bounded, expected: Bounded): boolean {
  for (let i = 0; i < form.v.length; i++) {
    if (Math.abs(form.v[i] - expected.v[i]) > form.e[i] + expected.e[i] && Math.abs(form.v[i]) > form.e[i]) return true;
  }
  return false;
}

/** Largest |a − v| over the largest |v|: the error relative to the matrix's scale. */
function normwiseRelative(v: ArrayLike<number>, actual: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < v.length; i++) {
    err = Math.max(err, Math.abs(actual[i] - v[i]));
    scale = Math.max(scale, Math.abs(v[i]));
  }
  return scale > 0 ? err / scale : Infinity;
}

/** How much closer to a wrong form than to the expected value the values must be to name it with reduced precision. */
const CLOSER = 64;

/**
 * A wrong form that the values follow, but only to a few digits (RJS-DIAG-5): the form explains the
 * error (the values are {@link CLOSER} times closer to it than to the expected value, normwise) and
 * what is left reads as reduced precision or lost accuracy.
 */
function compoundForm(forms: readonly WrongForm[], expected: Bounded, actual: ArrayLike<number>, dtype: Dtype): Diagnosis | undefined {
  const fromExpected = normwiseRelative(expected.v, actual);
  for (const f of forms) {
    const fromForm = normwiseRelative(f.value.v, actual);
    if (!(fromForm * CLOSER <= fromExpected)) continue;
    const rest = describeError(f.value, actual, dtype);
    if (rest.id !== 'reduced-precision' && rest.id !== 'inaccurate') continue;
    const bits = Math.round(-Math.log2(fromForm));
    return {
      id: f.id,
      formula: f.formula,
      message: `${f.message}; and beyond that the values are only accurate to about ${bits} bits against this form (normwise relative error ${fromForm.toPrecision(2)}): two defects at once, this form and ${rest.id}`,
      also: rest.id,
    };
  }
  return undefined;
}

function describeError(expected: Bounded, actual: ArrayLike<number>, dtype: Dtype): Diagnosis {
  const rel: number[] = [];
  // The range of the signed relative errors (actual − v)/v over the same entries.
  let lo = Infinity;
  let hi = -Infinity;
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (let i = 0; i < expected.v.length; i++) {
    const v = expected.v[i];
    const err = Math.abs(actual[i] - v);
    if (err > expected.e[i]) {
      rows.add(Math.floor(i / expected.cols));
      cols.add(i % expected.cols);
    }
    if (Math.abs(v) > expected.e[i] && v !== 0) {
      rel.push(err / Math.abs(v));
      const r = (actual[i] - v) / v;
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
  }
  rel.sort((a, b) => a - b);
  const median = rel.length > 0 ? rel[Math.floor(rel.length / 2)] : 0;
  const u = unitRoundoff(dtype);
  // Most entries off by a similar small relative amount: arithmetic in a narrower format than promised.
  // One entry says nothing about a format: it needs company (alone it reads as lost accuracy, below).
  if (rel.length >= 2 && median > 64 * u && median < 0.05 && rel[0] > 0) {
    const bits = Math.round(-Math.log2(median));
    // Arithmetic in a narrower format rounds each entry on its own; one wrong factor they all share moves
    // them together. When every entry carries the same relative error (to within 4u) say so, since from
    // this case alone the two cannot be told apart.
    const shared =
      hi - lo > 4 * u
        ? ''
        : `; but ${rel.length === 2 ? 'both' : `all ${rel.length}`} carry the same relative error (${((lo + hi) / 2).toPrecision(3)}), which one wrong factor they share gives as well: an elementwise value such as σ'(x_j) that is approximated, computed in a narrower format or cut past a threshold`;
    return {
      id: 'reduced-precision',
      message: `no known wrong form matches; the median relative error over ${rel.length} significant entr${rel.length === 1 ? 'y' : 'ies'} is ${median.toPrecision(2)}, about ${bits} significant bits where ${dtype} promises ${Math.round(-Math.log2(u))}: the arithmetic looks like a narrower format (TF32 matmuls have 11, bfloat16 has 8)${shared}`,
    };
  }
  const where =
    expected.cols > 1 && cols.size === 1
      ? `; wrong entries are confined to column ${[...cols][0]}`
      : expected.rows > 1 && rows.size === 1
        ? `; wrong entries are confined to row ${[...rows][0]}`
        : '';
  // Every wrong entry right to a few digits: the formula is right but loses accuracy somewhere.
  const worst = worstRelativeError(expected, actual);
  if (worst !== undefined && worst < INACCURATE_LIMIT) {
    return {
      id: 'inaccurate',
      message: `no known wrong form matches; every wrong entry is within ${worst.toExponential(1)} relative of the expected value (about ${Math.round(worst / u)} units of roundoff of ${dtype})${where}: the formula looks right but loses accuracy, e.g. cancellation in an elementwise function such as 1 − e^(−2|x|) in tanh near 0`,
    };
  }
  return { id: 'unknown', message: `the result matches no known wrong form${where}` };
}

/** Largest relative error a wrong entry may have and still read as lost accuracy (2⁻¹⁰ ≈ 0.1 %). */
const INACCURATE_LIMIT = 2 ** -10;

/** Largest |actual − v|/|v| over the entries beyond their tolerance; undefined if one has v = 0 or is not finite. */
function worstRelativeError(expected: Bounded, actual: ArrayLike<number>): number | undefined {
  let worst = 0;
  for (let i = 0; i < expected.v.length; i++) {
    const err = Math.abs(actual[i] - expected.v[i]);
    if (!(err <= expected.e[i])) {
      if (expected.v[i] === 0 || !Number.isFinite(err)) return undefined;
      worst = Math.max(worst, err / Math.abs(expected.v[i]));
    }
  }
  return worst > 0 ? worst : undefined;
}
