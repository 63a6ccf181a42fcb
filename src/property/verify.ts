import type { Bounded } from '../bound/bounded.js';
import { CaseFailure } from '../check/caseFailure.js';
import { compare } from '../check/compare.js';
import type { Dtype } from '../contract.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Catalogue } from '../diagnosis/formFamily.js';
import type { MatrixData } from '../result.js';

/** A matrix for reports. */
export function matrixData(rows: number, cols: number, values: ArrayLike<number>): MatrixData {
  return { rows, cols, values: Array.from(values) };
}

/**
 * Checks an adapter result (already validated by the host: the right length, finite) against the
 * expected value entry by entry (RJS-TOL-1). On failure it throws a CaseFailure carrying expected,
 * actual, tolerance, the worst entry and the diagnosis (computed only then, from `wrongForms`).
 * Resolves to the max error/tolerance ratio. `note`, when given, says in the summary what the
 * expected value is (e.g. a finite-difference interval).
 */
export function verify(expected: Bounded, actual: Float64Array, quantity: string, dtype: Dtype, wrongForms: () => Catalogue, note?: string): number {
  if (actual.length !== expected.v.length) throw new Error(`internal error: ${quantity} has ${actual.length} entries, expected ${expected.v.length}`);
  const cmp = compare(expected, actual, quantity);
  if (cmp.maxRatio <= 1) return cmp.maxRatio;
  const diagnosis = diagnose(wrongForms(), expected, actual, dtype);
  const w = cmp.worst;
  const where = expected.cols === 1 ? `[${w.row}]` : `[${w.row}, ${w.col}]`;
  throw new CaseFailure({
    kind: 'mismatch',
    quantity,
    summary: `${quantity}${where} = ${w.actual}, expected ${w.expected}${note !== undefined ? ` (${note})` : ''}: error ${w.error.toPrecision(3)} > tolerance ${w.tolerance.toPrecision(3)} (${cmp.maxRatio.toPrecision(3)}×); ${diagnosis.message}`,
    expected: matrixData(expected.rows, expected.cols, expected.v),
    actual: matrixData(expected.rows, expected.cols, actual),
    tolerance: matrixData(expected.rows, expected.cols, expected.e),
    worst: w,
    diagnosis,
  });
}
