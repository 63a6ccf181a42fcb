/**
 * Text that came from an adapter (its name, `info()`, variant names, error messages, stack frames,
 * what it printed) made safe to show: control characters and ANSI escapes are escaped, so that no
 * embedded newline can start a line of ours (a line beginning with `::` is a GitHub Actions workflow
 * command) and no escape sequence reaches a terminal, and the length is capped.
 * @packageDocumentation
 */

/** Longest adapter-provided text kept in summaries and reports (longer text is cut, with a marker). */
export const MAX_ADAPTER_TEXT = 200;

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\u001b':
      return '\\e';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/**
 * One line of adapter text: control characters escaped (`\n`, `\e`, `\u0007` …), cut to `max`
 * characters with `… (N more characters)`, and never starting with `::`.
 * @param text - the text (anything: non-strings are described, never thrown on)
 * @param max - the cap (default {@link MAX_ADAPTER_TEXT})
 */
export function safeLine(text: unknown, max = MAX_ADAPTER_TEXT): string {
  const s = typeof text === 'string' ? text : describeValue(text);
  const cut = s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s;
  const escaped = cut.replace(CONTROL, escapeChar);
  // GitHub Actions reads a line as a workflow command after leading whitespace too.
  return /^\s*::/.test(escaped) ? escaped.replace('::', '\\::') : escaped;
}

/**
 * Several lines of adapter text (a stack, printed output): each line made safe as by
 * {@link safeLine}, at most `maxLines` of them.
 */
export function safeLines(text: string, maxLines: number, maxPerLine = MAX_ADAPTER_TEXT): string {
  const lines = text.split(/\r?\n/);
  const kept = lines.slice(0, maxLines).map((l) => safeLine(l, maxPerLine));
  if (lines.length > maxLines) kept.push(`… (${lines.length - maxLines} more lines)`);
  return kept.join('\n');
}

/** Whether a text has characters {@link safeLine} would escape. */
export function hasControlCharacters(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * What a thrown value says, never throwing itself: `Name: message` for an Error, `String(v)` for
 * anything else, or a description when even that throws (an object whose `toString` throws, a
 * revoked proxy). The result is made safe by {@link safeLine} with a cap of `max`.
 */
export function errorText(err: unknown, max = 500): string {
  let text: string;
  try {
    if (err instanceof Error) {
      const name = String(err.name);
      const message = String(err.message);
      text = message === '' ? name : `${name}: ${message}`;
    } else if (err === undefined) {
      text = 'undefined (a throw with no value)';
    } else {
      text = describeValue(err, true);
    }
  } catch {
    text = 'a value that throws when converted to text';
  }
  return safeLine(text, max);
}

/** A short description of any value, for messages; never throws. */
export function describeValue(v: unknown, stringify = false): string {
  try {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (typeof v === 'string') return stringify ? v : `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
    if (typeof v === 'symbol') return 'a symbol';
    if (typeof v === 'function') return 'a function';
    if (Array.isArray(v)) return `an array of ${v.length}`;
    if (stringify) {
      const s = String(v);
      if (s !== '[object Object]') return s;
    }
    return `an object (${Object.prototype.toString.call(v)})`;
  } catch {
    return 'a value that throws when inspected';
  }
}
