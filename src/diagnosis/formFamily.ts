import type { Bounded } from '../bound/bounded.js';
import { compare } from '../check/compare.js';
import type { WrongForm } from './wrongForm.js';

/**
 * A wrong form with one free parameter θ (a slope, an alpha, a scale) that the diagnosis fits from
 * the actual value (RJS-DIAG-4): "σ behaves as leakyRelu with α = 0.001 where relu was asked".
 */
export interface FormFamily {
  /** Stable ID, e.g. `wrong-alpha`. */ readonly id: string;
  /** The quantity at θ, with the same kind of bound as the expected value. */ valueAt(theta: number): Bounded;
  /** Formula and message at the fitted θ. */ describe(theta: string): { readonly formula: string; readonly message: string };
  /** The θ that is no defect (the asked alpha, scale 1): a fit there names nothing. */ readonly asked: number;
  /** Whether a fitted θ names this defect rather than another (default: any θ). */ readonly names?: (theta: number) => boolean;
}

/** What a property's diagnosis may name: fixed wrong forms and one-parameter families. */
export type Catalogue = readonly (WrongForm | FormFamily)[];

/** Whether a catalogue entry is a {@link FormFamily}. */
export function isFamily(f: WrongForm | FormFamily): f is FormFamily {
  return 'valueAt' in f;
}

/** Gauss–Newton steps after the first (secant) fit: enough for the smooth dependence of a short sequence on α. */
const REFINEMENTS = 3;
/** Entries whose value must move with θ for a fit to say anything: a fit of one parameter to one or two entries matches too easily. */
const MIN_EVIDENCE = 3;

/** Least-squares step δ minimizing ‖a − (g + δ·d)‖ over the entries in `use`. */
function step(a: ArrayLike<number>, g: Float64Array, d: Float64Array, use: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (const i of use) {
    num += d[i] * (a[i] - g[i]);
    den += d[i] * d[i];
  }
  return den > 0 ? num / den : Number.NaN;
}

/** θ written with the fewest significant digits (1 to 17) at which the family still matches. */
function shortest(f: FormFamily, theta: number, actual: ArrayLike<number>): string | undefined {
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(theta.toPrecision(digits));
    if (compare(f.valueAt(t), actual, f.id).maxRatio <= 1) return String(t);
  }
  return undefined;
}

/**
 * Fits θ so that the family's value matches `actual` within the family's own tolerance, or
 * undefined: too few entries depend on θ, the fit is θ = asked, or no θ matches. `expected` is the
 * family at the asked θ (used to find the entries that depend on θ).
 */
export function fitFamily(f: FormFamily, expected: Bounded, actual: ArrayLike<number>): WrongForm | undefined {
  const v0 = f.valueAt(f.asked === 0 ? 1 : 0);
  const d0 = Float64Array.from(expected.v, (x, i) => x - v0.v[i]);
  const use: number[] = [];
  for (let i = 0; i < d0.length; i++) if (Math.abs(d0[i]) > expected.e[i] + v0.e[i] && Number.isFinite(actual[i])) use.push(i);
  if (use.length < MIN_EVIDENCE) return undefined;
  // The secant through the asked θ and the other end, then Gauss–Newton for non-affine dependence.
  let theta = f.asked + step(actual, expected.v, d0, use) * (f.asked - (f.asked === 0 ? 1 : 0));
  for (let k = 0; k < REFINEMENTS && Number.isFinite(theta); k++) {
    const g = f.valueAt(theta);
    if (compare(g, actual, f.id).maxRatio <= 1) break;
    const h = Math.max(Math.abs(theta), 1) * 2 ** -20;
    const gh = f.valueAt(theta + h);
    theta += step(
      actual,
      g.v,
      Float64Array.from(gh.v, (x, i) => (x - g.v[i]) / h),
      use,
    );
  }
  if (!Number.isFinite(theta) || f.names?.(theta) === false) return undefined;
  const text = shortest(f, theta, actual);
  if (text === undefined || Number(text) === f.asked) return undefined;
  const { formula, message } = f.describe(text);
  return { id: f.id, formula, message, value: f.valueAt(Number(text)) };
}
