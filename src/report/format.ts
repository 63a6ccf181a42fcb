/**
 * Number and matrix formatting for humans: the Markdown and JUnit reports and the CLI's console
 * output all print values through these, so a value reads the same everywhere.
 * (The JSON report keeps full precision and does not use them.)
 * @packageDocumentation
 */
import type { MatrixData } from '../result.js';

/** Below this magnitude (and above 0) {@link formatNumber} switches to exponent notation. */
const TINY = 1e-4;
/** From this magnitude on {@link formatNumber} switches to exponent notation. */
const HUGE = 1e6;

/**
 * Formats a number with up to `digits` significant digits (default 6), trailing zeros removed.
 * Magnitudes below 1e-4 or from 1e6 on use exponent notation (`1.5e-7`, `-2.34567e+8`); zero
 * (either sign) is `0`; non-finite values are `NaN`, `Infinity` and `-Infinity`.
 * @param x - the value
 * @param digits - significant digits, 1..21
 * @returns the text, never empty
 */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0'; // -0 carries no information in a Jacobian entry
  const abs = Math.abs(x);
  if (abs < TINY || abs >= HUGE) return exponent(x, digits);
  const fixed = x.toPrecision(digits);
  // Rounding can carry past 1e6 (999999.7 → "1.00000e+6"): keep one notation per range.
  return fixed.includes('e') ? exponent(x, digits) : trimFraction(fixed);
}

/**
 * Two numbers with as many significant digits (6 to 17) as it takes to tell them apart, so an
 * expected and an actual value that differ in the 7th digit do not print alike.
 */
export function formatPair(a: number, b: number): [string, string] {
  for (let digits = 6; digits < 17; digits++) {
    const pair: [string, string] = [formatNumber(a, digits), formatNumber(b, digits)];
    if (pair[0] !== pair[1] || a === b) return pair;
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}

/** `toExponential` with the mantissa's trailing zeros removed and an explicit exponent sign. */
function exponent(x: number, digits: number): string {
  const [mantissa, exp] = x.toExponential(digits - 1).split('e');
  return `${trimFraction(mantissa)}e${exp}`;
}

/** Removes trailing zeros of a decimal fraction, and the point when nothing is left after it. */
function trimFraction(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * Formats error/tolerance the way the comparison computes it: 0 when the error is 0 (also for a
 * zero tolerance), `Infinity` for a non-zero error against a zero tolerance.
 * @param error - |actual − expected|
 * @param tolerance - the tolerance at that entry
 * @returns the ratio, formatted by {@link formatNumber}; ≤ 1 means within tolerance
 */
export function formatRatio(error: number, tolerance: number): string {
  const ratio = error === 0 ? 0 : tolerance === 0 ? Infinity : error / tolerance;
  return formatNumber(Number.isNaN(ratio) ? Infinity : ratio, 3);
}

/**
 * Formats a duration: `850 ms` below a second, `12.3 s` below a minute, `4 min 05 s` above.
 * @param ms - milliseconds
 * @returns the text; `?` for a negative or non-finite duration
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, 3)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * Formats a row-major matrix as plain text with right-aligned columns separated by two spaces,
 * one line per row, entries by {@link formatNumber}. A larger matrix shows its top-left
 * `maxRows`×`maxCols` block followed by a line `… first R×C of ROWS×COLS shown`.
 * Entries missing from `values` (malformed data) print as `?` rather than throwing.
 * @param m - the matrix
 * @param maxRows - most rows shown (default 8)
 * @param maxCols - most columns shown (default 8)
 * @returns the lines joined by `\n`, without a trailing newline; `(empty R×C)` when it has no entries
 */
export function formatMatrix(m: MatrixData, maxRows = 8, maxCols = 8): string {
  const rows = Math.min(m.rows, maxRows);
  const cols = Math.min(m.cols, maxCols);
  if (rows <= 0 || cols <= 0) return `(empty ${m.rows}×${m.cols})`;
  const cells: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: string[] = [];
    for (let j = 0; j < cols; j++) {
      const v = m.values[i * m.cols + j];
      row.push(typeof v === 'number' ? formatNumber(v) : '?');
    }
    cells.push(row);
  }
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...cells.map((row) => row[j].length)));
  const lines = cells.map((row) => row.map((c, j) => c.padStart(widths[j])).join('  '));
  if (rows < m.rows || cols < m.cols) lines.push(`… first ${rows}×${cols} of ${m.rows}×${m.cols} shown`);
  return lines.join('\n');
}

/**
 * Formats a matrix's shape as `R×C`.
 * @param m - the matrix
 * @returns e.g. `3×2`
 */
export function formatShape(m: MatrixData): string {
  return `${m.rows}×${m.cols}`;
}
