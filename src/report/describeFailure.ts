/**
 * A failing property as plain text, with everything a framework maintainer needs without reading
 * our code. The JUnit report puts it in `<failure>`; the CLI can print it as is.
 * @packageDocumentation
 */
import type { Counterexample, PropertyResult, WorstEntry } from '../result.js';
import { formatMatrix, formatNumber, formatPair, formatRatio, formatShape } from './format.js';
import { jsonReplacer } from './jsonReplacer.js';
import { targetLabel } from './targetLabel.js';

/** Indentation of matrices under their label. */
const INDENT = '  ';

/**
 * One line for the worst entry, e.g.
 * `∂x_t/∂x_{t-1}[0,1]: expected 0.5, actual 0.25, error 0.25 vs tolerance 1e-6 (ratio 250000)`.
 * @param w - the worst entry
 * @returns the line, without newline
 */
export function describeWorst(w: WorstEntry): string {
  const [expected, actual] = formatPair(w.expected, w.actual);
  return (
    `${w.quantity}[${w.row},${w.col}]: expected ${expected}, actual ${actual}, ` +
    `error ${formatNumber(w.error)} vs tolerance ${formatNumber(w.tolerance)} (ratio ${formatRatio(w.error, w.tolerance)})`
  );
}

/**
 * The shrunk case as compact one-line JSON at full precision (so it can be pasted into a test);
 * non-finite numbers as in the JSON report.
 * @param c - the counterexample
 * @returns the JSON text
 */
export function describeCase(c: Counterexample): string {
  return JSON.stringify(c.case, jsonReplacer) ?? '{}';
}

/** How fast-check got to the case: cases to the first failure, shrinks, and a spent shrink budget. */
export function describeSearch(c: Counterexample): string {
  const budget =
    c.shrinkStopped === 'max-shrinks'
      ? ' (shrinking stopped at the --max-shrinks budget)'
      : c.shrinkStopped === 'timeouts'
        ? ' (shrinking stopped: calls kept timing out)'
        : c.shrinkStopped === 'time-budget'
          ? ' (shrinking stopped at the time budget)'
          : '';
  return `failed after ${c.failedAfter} case(s), ${c.shrinks} shrink(s)${budget}`;
}

/**
 * Describes a failing property: summary, replay command, seed and path, shrunk case, expected and
 * actual values, worst entry against its tolerance, and the diagnosis. Lines are separated by `\n`;
 * there is no trailing newline.
 * @param r - a property result with verdict `fail`
 * @returns the text; a single line when no counterexample was recorded
 */
export function describeFailure(r: PropertyResult): string {
  const c = r.counterexample;
  const head = `${r.property} (${r.rule}) on ${targetLabel(r.target)}`;
  if (!c) return `${head}: failed, no counterexample recorded`;
  const f = c.failure;
  const lines = [
    f.summary,
    `Property: ${head}`,
    `Replay: ${c.replay}`,
    `Seed: ${c.seed}, path: ${c.path}, ${describeSearch(c)}`,
    `Shrunk case: ${describeCase(c)}`,
    `Failure: ${f.kind} of ${f.quantity}`,
  ];
  if (f.stack) lines.push('Stack:', indent(f.stack));
  if (f.expected) lines.push(`Expected (${formatShape(f.expected)}):`, indent(formatMatrix(f.expected)));
  if (f.actual) lines.push(`Actual (${formatShape(f.actual)}):`, indent(formatMatrix(f.actual)));
  if (f.worst) lines.push(`Worst entry: ${describeWorst(f.worst)}`);
  if (f.diagnosis) {
    lines.push(`Diagnosis: ${f.diagnosis.id}: ${f.diagnosis.message}`);
    if (f.diagnosis.formula) lines.push(`${INDENT}Actual matches: ${f.diagnosis.formula}`);
  }
  return lines.join('\n');
}

/** Indents every line of a block. */
function indent(block: string): string {
  return block
    .split('\n')
    .map((l) => INDENT + l)
    .join('\n');
}
