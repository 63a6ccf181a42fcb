// Value tests shared by the findings scripts (scripts/A-findings.mjs) and the framework tests: what a
// failure's values and its counterexample's σ arguments say about which documented finding it is.

const UNIT_ROUNDOFF = { float32: 2 ** -24, float64: 2 ** -53 };

/**
 * Whether a mismatch is a result flushed to zero: every entry outside its tolerance is exactly 0
 * where a nonzero value below √u of the dtype is expected (an underflow of the framework's formula,
 * not a wrong formula), and at least one entry is.
 */
export function flushedToZero(failure, dtype) {
  const f = failure;
  if (f?.kind !== 'mismatch' || !f.expected || !f.actual || !f.tolerance) return false;
  const small = Math.sqrt(UNIT_ROUNDOFF[dtype]);
  let wrong = 0;
  for (let i = 0; i < f.expected.values.length; i++) {
    const e = f.expected.values[i];
    const a = f.actual.values[i];
    if (Math.abs(a - e) <= f.tolerance.values[i]) continue;
    if (a !== 0 || e === 0 || !(Math.abs(e) < small)) return false;
    wrong++;
  }
  return wrong > 0;
}

/**
 * Whether a mismatch is slightly off: every entry outside its tolerance is within `rel` (default 2⁻⁸)
 * of its expected value, relative, and at least one is outside. An inaccurate kernel, whatever wrong
 * form the diagnosis names: softplus(x) and sigmoid(x) agree to 10⁻⁴ at x = −11, so an inaccurate
 * sigmoid there can match "σ used for σ'".
 */
export function slightlyOff(failure, rel = 2 ** -8) {
  const f = failure;
  if (f?.kind !== 'mismatch' || !f.expected || !f.actual || !f.tolerance) return false;
  let wrong = 0;
  for (let i = 0; i < f.expected.values.length; i++) {
    const e = f.expected.values[i];
    const err = Math.abs(f.actual.values[i] - e);
    if (err <= f.tolerance.values[i]) continue;
    if (!(err <= rel * Math.abs(e))) return false;
    wrong++;
  }
  return wrong > 0;
}

/** Φ(x), the standard normal CDF, to about 10⁻⁷ (Abramowitz & Stegun 7.1.26): enough to follow a trajectory. */
function normalCdf(x) {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** σ of a catalogue activation in float64, in forms that neither overflow nor cancel. */
function sigma(name, alpha, x) {
  switch (name) {
    case 'identity':
      return x;
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    case 'relu':
      return Math.max(x, 0);
    case 'leakyRelu':
      return x >= 0 ? x : alpha * x;
    case 'elu':
      return x > 0 ? x : alpha * Math.expm1(x);
    case 'softplus':
      return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    case 'gelu':
      return x * normalCdf(x);
    default:
      throw new Error(`sigmaArguments: unknown activation '${name}'`);
  }
}

/**
 * Every argument σ (and so σ') is evaluated at in a counterexample's case (serialized as in a report,
 * or with typed arrays), by the exact recurrence in float64: x_{t−1} (pascanu forms), u_t
 * (pascanu-sigma-input), W·x_{t−1} + U·u_t + b (elman); at the one step of a one-step case (fields
 * `x`, `u`), or at every step t = 1 … T of a sequence (fields `x0`, `us`, `T`).
 */
export function sigmaArguments(c) {
  const { n, m, W, U, b, form } = c;
  const name = c.activation.name;
  const alpha = c.activation.alpha ?? 0;
  const s = (v) => sigma(name, alpha, v);
  const sequence = c.x0 !== undefined;
  const T = sequence ? (c.T ?? 1) : 1;
  let x = Array.from(sequence ? c.x0 : (c.x ?? []));
  const inputs = Array.from(sequence ? (c.us ?? []) : (c.u ?? []));
  const args = [];
  for (let t = 0; t < T; t++) {
    const u = inputs.slice(t * m, (t + 1) * m);
    const inner = form === 'elman' ? x : x.map(s);
    const feature = form === 'pascanu-sigma-input' ? u.map(s) : u;
    if (form !== 'elman') args.push(...x);
    if (form === 'pascanu-sigma-input') args.push(...u);
    const next = Array.from({ length: n }, (_, i) => {
      let v = b[i];
      for (let k = 0; k < n; k++) v += W[i * n + k] * inner[k];
      for (let k = 0; k < m; k++) v += U[i * m + k] * feature[k];
      return v;
    });
    if (form === 'elman') args.push(...next);
    x = form === 'elman' ? next.map(s) : next;
  }
  return args;
}

/** Whether σ is evaluated at some argument in [lo, hi] in the case (a non-finite argument counts as outside). */
export function sigmaEvaluatedIn(c, lo, hi) {
  return sigmaArguments(c).some((a) => a >= lo && a <= hi);
}

/** Whether σ is evaluated at some nonzero argument of magnitude below `bound`. */
export function sigmaEvaluatedNearZero(c, bound) {
  return sigmaArguments(c).some((a) => a !== 0 && Math.abs(a) < bound);
}

/**
 * |a| below which tanh as (1 − e^(−2|a|))/(1 + e^(−2|a|)) and elu as α·(eᵃ − 1) cancel past the 8u
 * RJS-TOL allows an elementwise function: the difference keeps the absolute error of the exp, a few
 * roundoffs, so its relative error is that over 2|a| (tanh) or |a| (elu): with an exp 3 roundoffs
 * off (WGSL's bound near 0), 8u or more for |a| up to 1/4 (tanh) and 3/8 (elu).
 */
export const CANCELLATION_BOUND = 1 / 4;

/**
 * Whether the case evaluates a cancelling formula: tanh at 0 < |a| < CANCELLATION_BOUND, or elu's
 * negative branch at −CANCELLATION_BOUND < a < 0.
 */
export function evaluatesCancellation(c) {
  const name = c.activation.name;
  if (name === 'tanh') return sigmaEvaluatedNearZero(c, CANCELLATION_BOUND);
  return name === 'elu' && sigmaArguments(c).some((a) => a < 0 && a > -CANCELLATION_BOUND);
}

/**
 * Where WGSL's exp leaves RJS-TOL: the WebGPU shading language lets exp(x) be off by 3 + 2·|x| ulps,
 * more than the 8u RJS-TOL allows an elementwise function once |x| > 2.5.
 */
export const WGSL_EXP_LIMIT = -2.5;

/**
 * Whether a WebGPU shader evaluates an exp past WGSL_EXP_LIMIT in the case: sigmoid (1/(1 + e⁻ᵃ)) and
 * softplus (whose value is log1p(eᵃ) and whose derivative is sigmoid) at a < −2.5; elu's derivative
 * α·eᵃ there too (its value α·(eᵃ − 1) is then dominated by −α, so `forward` does not count).
 */
export function evaluatesWgslExpTail(c, property) {
  const name = c.activation.name;
  const through = name === 'sigmoid' || name === 'softplus' || (name === 'elu' && property !== 'forward');
  return through && sigmaEvaluatedIn(c, -Infinity, WGSL_EXP_LIMIT);
}

/**
 * Whether a failure is one entry, slightly off (within 2⁻⁸), and diagnosed `unknown`: RJS-DIAG reads a
 * single entry more than 2⁻¹⁰ off as reduced precision only in company, so such an inaccuracy names no form.
 */
export function loneInaccurateEntry(failure) {
  return loneEntry(failure) && slightlyOff(failure);
}

/**
 * Whether a mismatch has one entry and no reading (`unknown`: RJS-DIAG-3 reads no format from one
 * significant entry), however far off: the relative error of a cancellation, alpha·(eˣ − 1) just below
 * 0, has no bound, so no closeness test applies; the caller ties it to its σ argument.
 */
export function loneEntry(failure) {
  const f = failure;
  return f?.kind === 'mismatch' && f.diagnosis?.id === 'unknown' && f.expected?.values.length === 1;
}

/** Whether a failure is a mismatch diagnosed as lost accuracy (`inaccurate` or `reduced-precision`): right formula, wrong digits. */
export function accuracyLoss(failure) {
  const d = failure?.diagnosis?.id;
  return failure?.kind === 'mismatch' && (d === 'inaccurate' || d === 'reduced-precision');
}

/**
 * Whether a failure's actual n×n matrix is its expected one transposed, each entry within the tolerance
 * of the entry it came from (jax-js's jacfwd on a kink, where the transposed form names nothing).
 */
export function isTransposeOf(actual, expected, tolerance) {
  if (actual === undefined || expected === undefined || tolerance === undefined || actual.rows !== actual.cols) return false;
  const n = actual.rows;
  return actual.values.every((a, k) => {
    const t = (k % n) * n + Math.floor(k / n);
    return Math.abs(a - expected.values[t]) <= tolerance.values[t] + 2 ** -20 * Math.abs(a);
  });
}
