/**
 * Markdown escaping, so that values from adapters (error messages, formulas, command lines) cannot
 * break a table or a code block, or inject HTML, in the Markdown report.
 * @packageDocumentation
 */

/** Control characters other than tab and line breaks, which no renderer shows usefully. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Replaces control characters other than tab and line breaks by the visible text `\uXXXX`.
 * @param s - any string
 * @returns `s` with such characters spelled out
 */
export function visible(s: string): string {
  return s.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Escapes text for a table cell or a paragraph: Markdown punctuation and HTML brackets are
 * backslash-escaped, and line breaks become spaces so a cell stays one row.
 * @param s - any string
 * @returns inline Markdown that renders as `s`
 */
export function mdText(s: string): string {
  return visible(s)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}

/**
 * An inline code span holding `s` verbatim (line breaks become spaces): the fence is one backtick
 * longer than the longest backtick run inside, and padded with spaces when `s` starts or ends
 * with a backtick.
 * @param s - any string
 * @param inTable - escape `|`, which GitHub needs inside table cells even in code spans (and
 *   which would show as `\|` elsewhere)
 * @returns the code span
 */
export function mdCode(s: string, inTable = false): string {
  const line = visible(s).replace(/\r\n?|\n/g, ' ');
  const flat = inTable ? line.replace(/\|/g, '\\|') : line;
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A fenced code block holding `s` verbatim: the fence is longer than any backtick run inside.
 * @param s - the block's content
 * @param lang - info string, e.g. `sh` or `text`
 * @returns the block, without a trailing newline
 */
export function mdBlock(s: string, lang = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(s, '`') + 1)); // visible() adds no backticks
  return `${fence}${lang}\n${visible(s)}\n${fence}`;
}

/**
 * A Markdown table. Cells are inserted as given: escape them with {@link mdText} or {@link mdCode}.
 * @param header - the column titles
 * @param rows - the rows, each as long as `header`
 * @param align - per column `l` or `r`; default left
 * @returns the table, one line per row, without a trailing newline
 */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const rule = header.map((_, j) => (align[j] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Length of the longest run of `ch` in `s`. */
function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
