/**
 * Input writes: the case an adapter gets is its own copy, and after the call that copy is compared
 * with the original. A framework that writes into caller memory (a zero-copy tensor over the input
 * buffer, an in-place transpose) is a real bug class, so any difference fails the case.
 * @packageDocumentation
 */
import { describeValue } from '../text/safeText.js';

/** Columns of the row-major matrices among the inputs, so that a mutation names its [i, j]. */
function columnsOf(field: string, kase: Readonly<Record<string, unknown>>): number | undefined {
  const n = kase.n as number;
  const m = kase.m as number;
  switch (field) {
    case 'W': case 'cs': return n;
    case 'U': case 'us': return m;
    default: return undefined;
  }
}

/** A deep copy of a case (typed arrays, arrays and plain objects), for the adapter to use. */
export function copyInput<T>(value: T): T {
  return structuredClone(value);
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return ArrayBuffer.isView(v) || Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === 'number' ? String(v) : describeValue(v);
}

/** The first difference between an original value and the adapter's copy, or undefined when equal. */
function diff(path: string, before: unknown, after: unknown, cols: number | undefined): string | undefined {
  if (isArrayLike(before)) {
    if (!isArrayLike(after) || after.length !== before.length) return `${path} (was ${describeValue(before)}${ArrayBuffer.isView(before) ? ` of ${before.length}` : ''}, is ${describeValue(after)})`;
    for (let k = 0; k < before.length; k++) {
      if (!Object.is(before[k], after[k])) {
        const at = cols !== undefined && cols > 0 ? `[${Math.floor(k / cols)}, ${k % cols}]` : `[${k}]`;
        return `${path} (entry ${at} was ${show(before[k])}, is ${show(after[k])})`;
      }
    }
    return undefined;
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object') return `${path} (was an object, is ${describeValue(after)})`;
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (!(k in a)) return `${path}.${k} (was ${show(b[k])}, was deleted)`;
      if (!(k in b)) return `${path}.${k} (was absent, is ${show(a[k])})`;
      const d = diff(`${path}.${k}`, b[k], a[k], undefined);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(before, after) ? undefined : `${path} (was ${show(before)}, is ${show(after)})`;
}

/**
 * What the adapter changed in its inputs, as `W (entry [0, 1] was 0.5, is 0.25)`, or undefined.
 * @param original - the case as the suite made it
 * @param copy - the copy the adapter was given, after the call
 * @param vector - the second argument of vjp/jvp, original and copy, and its name (`v` or `w`)
 */
export function inputMutation(
  original: Readonly<Record<string, unknown>>,
  copy: unknown,
  vector?: { readonly name: string; readonly original: Float64Array; readonly copy: unknown },
): string | undefined {
  if (copy === null || typeof copy !== 'object') return `the case (it is now ${describeValue(copy)})`;
  const c = copy as Record<string, unknown>;
  for (const field of Object.keys(original)) {
    if (!(field in c)) return `${field} (it was deleted from the case)`;
    const d = diff(field, original[field], c[field], columnsOf(field, original));
    if (d !== undefined) return d;
  }
  for (const field of Object.keys(c)) if (!(field in original)) return `the case (it added a field '${field}')`;
  return vector === undefined ? undefined : diff(vector.name, vector.original, vector.copy, undefined);
}
