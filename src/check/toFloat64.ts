import { CaseFailure } from './caseFailure.js';

/**
 * Checks that an adapter's result is an array-like of `length` finite numbers and copies it to a
 * Float64Array. A wrong length or a NaN/Infinity is a failure of the case (never a runner crash).
 * `owned`: the caller holds the only reference (it was just copied across a process boundary), so a
 * Float64Array is returned as it is, without a copy (a 32 KB allocation costs more than the check).
 */
export function toFloat64(value: unknown, length: number, quantity: string, shape: string, owned = false): Float64Array {
  const arr = value as ArrayLike<unknown> | null | undefined;
  if (arr === null || arr === undefined || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new CaseFailure({
      kind: 'wrong-shape',
      quantity,
      summary: `${quantity}: the adapter returned ${describe(value)}, not an array of ${length} numbers (${shape})`,
    });
  }
  if (arr.length !== length) {
    throw new CaseFailure({
      kind: 'wrong-shape',
      quantity,
      summary: `${quantity}: the adapter returned ${arr.length} numbers, expected ${length} (${shape}${shape.startsWith('a vector') ? '' : ', row-major'})`,
    });
  }
  if (arr instanceof Float64Array || arr instanceof Float32Array) {
    // The common case, a float typed array: a scan for NaN and ±Infinity (v − v ≠ 0), then one copy.
    for (let i = 0; i < length; i++) {
      const v = arr[i];
      if (v - v !== 0) throw new CaseFailure({ kind: 'non-finite', quantity, summary: `${quantity}: element ${i} is ${v} (the result must be finite)` });
    }
    return owned && arr instanceof Float64Array ? arr : new Float64Array(arr);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = arr[i];
    if (typeof v !== 'number') {
      throw new CaseFailure({ kind: 'wrong-shape', quantity, summary: `${quantity}: element ${i} is ${describe(v)}, not a number` });
    }
    if (!Number.isFinite(v)) {
      throw new CaseFailure({ kind: 'non-finite', quantity, summary: `${quantity}: element ${i} is ${v} (the result must be finite)` });
    }
    out[i] = v;
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? `an object (${Object.prototype.toString.call(v)})` : `${typeof v} ${String(v)}`;
}
