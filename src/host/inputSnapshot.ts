/**
 * Input writes: the case an adapter gets is its own copy, and after the call that copy is compared
 * with the original. A framework that writes into caller memory (a zero-copy tensor over the input
 * buffer, an in-place transpose) is a real bug class, so any difference fails the case.
 *
 * The comparison runs in the adapter's process, where adapter code may replace globals
 * (`Object.is`, `Array.isArray`, a typed array's `length` getter) to hide a write. So it uses only
 * the built-ins this module captured when it was loaded, before any adapter code ran (as Node's own
 * "primordials" do), and never a method looked up on a value at call time.
 * @packageDocumentation
 */
import { Buffer } from 'node:buffer';
import { describeValue } from '../text/safeText.js';

const is = Object.is;
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const keysOf = Object.keys;
const hasOwn = Object.hasOwn;
const floor = Math.floor;
const apply = Reflect.apply;
const typedLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, 'length')!.get!;
const clone = structuredClone;
const compareBytes = Buffer.compare;
const viewGetter = (name: string): ((this: ArrayBufferView) => unknown) =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, name)!.get!;
const bufferOf = viewGetter('buffer');
const byteOffsetOf = viewGetter('byteOffset');
const byteLengthOf = viewGetter('byteLength');
const Bytes = Uint8Array;
const F64 = Float64Array.prototype;
const getPrototypeOf = Object.getPrototypeOf;

/** The bytes of a typed array, read through the captured getters. */
function bytesOf(v: ArrayBufferView): Uint8Array {
  return new Bytes(apply(bufferOf, v, []) as ArrayBuffer, apply(byteOffsetOf, v, []) as number, apply(byteLengthOf, v, []) as number);
}

/** The length of an array or typed array, read without any getter adapter code could have replaced. */
function lengthOf(v: ArrayLike<unknown>): number {
  return isView(v) ? (apply(typedLength, v, []) as number) : v.length;
}

/** Columns of the row-major matrices among the inputs, so that a mutation names its [i, j]. */
function columnsOf(field: string, kase: Readonly<Record<string, unknown>>): number | undefined {
  const n = kase.n as number;
  const m = kase.m as number;
  switch (field) {
    case 'W':
    case 'cs':
      return n;
    case 'U':
    case 'us':
      return m;
    default:
      return undefined;
  }
}

/** A deep copy of a case (typed arrays, arrays and plain objects), for the adapter to use. */
export function copyInput<T>(value: T): T {
  return clone(value);
}

/**
 * The arrays handed to the adapter inside a copy, each with where it sits (`path`, and `key`, the path
 * joined by dots as {@link inputMutation} names it).
 */
export type HandedOut = readonly { readonly path: readonly string[]; readonly key: string; readonly array: ArrayLike<unknown> }[];

/**
 * The arrays (typed or not) a fresh copy holds, at every depth, by path, taken before the adapter gets
 * the copy. They are compared after the call as they are, not read again through the copy's fields,
 * which adapter code can replace with untouched copies, or turn into accessors, after it wrote into
 * the arrays it was given. Built without array methods (adapter code of earlier calls may have
 * replaced them).
 */
export function handedOut(copy: unknown): HandedOut {
  const out: { path: readonly string[]; key: string; array: ArrayLike<unknown> }[] = [];
  const walk = (v: unknown, path: string[], key: string): void => {
    if (isArrayLike(v)) {
      out[out.length] = { path, key, array: v };
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const keys = keysOf(o);
    for (let i = 0; i < keys.length; i++) {
      const inner: string[] = [];
      for (let k = 0; k < path.length; k++) inner[k] = path[k];
      inner[path.length] = keys[i];
      walk(o[keys[i]], inner, path.length === 0 ? keys[i] : `${key}.${keys[i]}`);
    }
  };
  walk(copy, [], '');
  return out;
}

/**
 * What the adapter wrote into the arrays it was handed (see {@link handedOut}), against the suite's
 * original at the same path, as `W (entry [0, 1] was 0.5, is 0.25)`, or undefined.
 */
export function handedOutMutation(original: unknown, arrays: HandedOut): string | undefined {
  for (let i = 0; i < arrays.length; i++) {
    const { path, key, array } = arrays[i];
    let before: unknown = original;
    for (let k = 0; k < path.length; k++) before = (before as Record<string, unknown>)[path[k]];
    const d = diff(key, before, array, path.length === 1 ? columnsOf(path[0], original as Readonly<Record<string, unknown>>) : undefined);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Whether `array` is the one handed out at `key`: {@link handedOutMutation} has compared it already. */
function comparedAt(handed: HandedOut | undefined, key: string, array: unknown): boolean {
  if (handed === undefined) return false;
  for (let i = 0; i < handed.length; i++) if (handed[i].key === key && handed[i].array === array) return true;
  return false;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return isView(v) || isArray(v);
}

function show(v: unknown): string {
  return typeof v === 'number' ? (is(v, -0) ? '-0' : String(v)) : describeValue(v);
}

/** The first difference between an original value and the adapter's copy, or undefined when equal. */
function diff(path: string, before: unknown, after: unknown, cols: number | undefined, handed?: HandedOut): string | undefined {
  if (isArrayLike(before)) {
    // Still the array handed out here, whose entries handedOutMutation compared: only a replacement is left to find.
    if (comparedAt(handed, path, after)) return undefined;
    const n = lengthOf(before);
    if (!isArrayLike(after) || lengthOf(after) !== n)
      return `${path} (was ${describeValue(before)}${isView(before) ? ` of ${n}` : ''}, is ${describeValue(after)})`;
    // Two Float64Arrays (every numeric input) with the same bytes are equal: one native comparison.
    if (getPrototypeOf(before) === F64 && getPrototypeOf(after) === F64 && compareBytes(bytesOf(before as Float64Array), bytesOf(after as Float64Array)) === 0)
      return undefined;
    for (let k = 0; k < n; k++) {
      if (!is(before[k], after[k])) {
        const at = cols !== undefined && cols > 0 ? `[${floor(k / cols)}, ${k % cols}]` : `[${k}]`;
        return `${path} (entry ${at} was ${show(before[k])}, is ${show(after[k])})`;
      }
    }
    return undefined;
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object') return `${path} (was an object, is ${describeValue(after)})`;
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const bk = keysOf(b);
    for (let i = 0; i < bk.length; i++) {
      const k = bk[i];
      if (!hasOwn(a, k)) return `${path}.${k} (was ${show(b[k])}, was deleted)`;
      const d = diff(`${path}.${k}`, b[k], a[k], undefined, handed);
      if (d !== undefined) return d;
    }
    const ak = keysOf(a);
    for (let i = 0; i < ak.length; i++) if (!hasOwn(b, ak[i])) return `${path}.${ak[i]} (was absent, is ${show(a[ak[i]])})`;
    return undefined;
  }
  return is(before, after) ? undefined : `${path} (was ${show(before)}, is ${show(after)})`;
}

/**
 * What the adapter changed in its inputs, as `W (entry [0, 1] was 0.5, is 0.25)`, or undefined.
 * @param original - the case as the suite made it
 * @param copy - the copy the adapter was given, after the call
 * @param vector - the second argument of vjp/jvp, original and copy, and its name (`v` or `w`)
 * @param handed - arrays {@link handedOutMutation} found unchanged: a field that still holds one is not compared again
 */
export function inputMutation(
  original: Readonly<Record<string, unknown>>,
  copy: unknown,
  vector?: { readonly name: string; readonly original: Float64Array; readonly copy: unknown },
  handed?: HandedOut,
): string | undefined {
  if (copy === null || typeof copy !== 'object') return `the case (it is now ${describeValue(copy)})`;
  const c = copy as Record<string, unknown>;
  const fields = keysOf(original);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!hasOwn(c, field)) return `${field} (it was deleted from the case)`;
    const d = diff(field, original[field], c[field], columnsOf(field, original), handed);
    if (d !== undefined) return d;
  }
  const added = keysOf(c);
  for (let i = 0; i < added.length; i++) if (!hasOwn(original, added[i])) return `the case (it added a field '${added[i]}')`;
  return vector === undefined ? undefined : diff(vector.name, vector.original, vector.copy, undefined);
}
