/**
 * The `JSON.stringify` replacer of the JSON report. JSON has no NaN or Infinity (`JSON.stringify`
 * would silently write `null`, losing the very value a non-finite failure is about), so they are
 * written as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`, as specs/report.schema.json
 * documents. Typed arrays, should one slip into a shrunk case, become plain arrays instead of
 * `{"0": …}` objects.
 * @param _key - the property name (unused)
 * @param value - the value about to be written
 * @returns the value to write instead
 */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? String(v) : v));
  }
  if (typeof value === 'bigint') return String(value); // JSON.stringify throws on bigint
  return value;
}
