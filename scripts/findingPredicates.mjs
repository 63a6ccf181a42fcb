// Value tests shared by the findings scripts (scripts/A-findings.mjs) and the framework tests.

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
