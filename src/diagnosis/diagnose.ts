import type { Bounded } from '../bound/bounded.js';
import { compare } from '../check/compare.js';
import type { Dtype } from '../contract.js';
import { unitRoundoff } from '../model/precision.js';
import type { Diagnosis } from '../runner/result.js';
import type { WrongForm } from './wrongForm.js';

/**
 * Says which known wrong form the actual value matches (within that form's own tolerance), in the
 * catalogue's order, most specific first. When none matches, describes the error: a uniform relative
 * error is read as reduced-precision arithmetic (with its effective mantissa bits), wrong entries that
 * are all right to about three digits as lost accuracy, and errors confined to one row or column are located.
 */
export function diagnose(forms: readonly WrongForm[], expected: Bounded, actual: ArrayLike<number>, dtype: Dtype): Diagnosis {
  // A form evaluated across a kink accepts a whole subgradient interval, so it matches loosely. It is
  // "loose" when its total tolerance exceeds the expected value's by more than 1/√u (an interval of
  // order 1 rather than rounding of order u); loose forms come after the others, then catalogue order.
  const slack = (e: Float64Array): number => e.reduce((a, b) => a + b, 0);
  const limit = (slack(expected.e) + Number.MIN_VALUE) / Math.sqrt(unitRoundoff(dtype));
  const matches = forms
    .filter((f) => f.value.v.length === actual.length && compare(f.value, actual, f.id).maxRatio <= 1)
    .map((f, i) => ({ f, i, loose: slack(f.value.e) > limit ? 1 : 0 }))
    .sort((a, b) => a.loose - b.loose || a.i - b.i)
    .map((m) => m.f);
  const first = matches[0];
  if (first === undefined) return describeError(expected, actual, dtype);
  // On special cases (σ' ≡ 1, a zero state) several wrong forms coincide: say so rather than pick silently.
  const others = [...new Set(matches.slice(1).map((f) => f.id))].filter((id) => id !== first.id);
  const tie = others.length > 0 ? ` (on this case it cannot be told apart from: ${others.join(', ')})` : '';
  return { id: first.id, formula: first.formula, message: first.message + tie };
}

function describeError(expected: Bounded, actual: ArrayLike<number>, dtype: Dtype): Diagnosis {
  const rel: number[] = [];
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (let i = 0; i < expected.v.length; i++) {
    const err = Math.abs(actual[i] - expected.v[i]);
    if (err > expected.e[i]) {
      rows.add(Math.floor(i / expected.cols));
      cols.add(i % expected.cols);
    }
    if (Math.abs(expected.v[i]) > expected.e[i] && expected.v[i] !== 0) rel.push(err / Math.abs(expected.v[i]));
  }
  rel.sort((a, b) => a - b);
  const median = rel.length > 0 ? rel[Math.floor(rel.length / 2)] : 0;
  const u = unitRoundoff(dtype);
  // Most entries off by a similar small relative amount: arithmetic in a narrower format than promised.
  if (rel.length >= 1 && median > 64 * u && median < 0.05 && rel[0] > 0) {
    const bits = Math.round(-Math.log2(median));
    return {
      id: 'reduced-precision',
      message: `no known wrong form matches; the median relative error over ${rel.length} significant entr${rel.length === 1 ? 'y' : 'ies'} is ${median.toPrecision(2)}, about ${bits} significant bits where ${dtype} promises ${Math.round(-Math.log2(u))}: the arithmetic looks like a narrower format (TF32 matmuls have 11, bfloat16 has 8)`,
    };
  }
  const where =
    expected.cols > 1 && cols.size === 1 ? `; wrong entries are confined to column ${[...cols][0]}` :
    expected.rows > 1 && rows.size === 1 ? `; wrong entries are confined to row ${[...rows][0]}` : '';
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
