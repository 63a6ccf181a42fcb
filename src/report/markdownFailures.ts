/**
 * The "Failures" section of the Markdown report: per failing property, what it checked, how to
 * replay it, what the actual value looks like (the diagnosis), the worst entry and the shrunk
 * expected and actual values.
 * @packageDocumentation
 */
import { expectationNote } from '../expectations/applyExpectations.js';
import type { CaseFailureData, Counterexample, PropertyResult } from '../result.js';
import { describeCase, describeSearch } from './describeFailure.js';
import { escapeXmlText } from './escapeXml.js';
import { formatMatrix, formatNumber, formatPair, formatRatio, formatShape } from './format.js';
import { mdBlock, mdCode, mdTable, mdText } from './markdownText.js';
import { targetLabel } from './targetLabel.js';
import { verdictWord } from './verdictWord.js';

/** Largest block of a matrix printed; larger ones are cut with a note (by `formatMatrix`). */
const MAX_SHOWN = 8;

/** The diagnosis as a paragraph, the wrong form's ID in bold. */
function diagnosis(f: CaseFailureData): string[] {
  const d = f.diagnosis;
  if (!d) return ['**Diagnosis: none** — no known wrong form was checked for this failure.'];
  const lines = [`**Diagnosis: ${mdText(d.id)}** — ${mdText(d.message)}`];
  if (d.formula) lines.push('', `The actual value matches ${mdCode(d.formula)}.`);
  return lines;
}

/** The worst entry as a one-row table. */
function worst(f: CaseFailureData): string[] {
  const w = f.worst;
  if (!w) return [];
  const row = [
    mdCode(w.quantity, true),
    `(${w.row}, ${w.col})`,
    ...formatPair(w.expected, w.actual),
    formatNumber(w.error),
    formatNumber(w.tolerance),
    formatRatio(w.error, w.tolerance),
  ];
  const header = ['Worst entry', '(row, col)', 'Expected', 'Actual', 'Error', 'Tolerance', 'Error/tolerance'];
  return [mdTable(header, [row], ['l', 'l', 'r', 'r', 'r', 'r', 'r'])];
}

/** The expected and actual values of the shrunk case, as aligned text blocks. */
function matrices(f: CaseFailureData): string[] {
  const out: string[] = [];
  for (const [label, m] of [
    ['Expected', f.expected],
    ['Actual', f.actual],
  ] as const) {
    if (!m) continue;
    const cut = m.rows > MAX_SHOWN || m.cols > MAX_SHOWN ? `, first ${MAX_SHOWN}×${MAX_SHOWN} shown` : '';
    out.push(`${label} ${mdCode(f.quantity)} (${formatShape(m)}${cut}):`, '', mdBlock(formatMatrix(m, MAX_SHOWN, MAX_SHOWN), 'text'), '');
  }
  return out;
}

/** The shrunk case, folded, with the numbers that locate it in fast-check's search. */
function shrunkCase(c: Counterexample): string[] {
  const where = `seed ${c.seed}, path ${c.path}, ${describeSearch(c)}`;
  // Inside raw HTML Markdown escapes do not apply; HTML ones do.
  return [`<details><summary>Shrunk case (${escapeXmlText(where)})</summary>`, '', mdBlock(describeCase(c), 'json'), '', '</details>'];
}

/** One failure's subsection. */
function failure(r: PropertyResult, index: number): string[] {
  const head = `### ${index}. ${mdCode(r.property)} (${mdText(r.rule)}) — ${mdText(r.title)}`;
  const lines = [head, '', `Target: ${mdCode(targetLabel(r.target))}`, ''];
  const note = expectationNote(r);
  if (note !== undefined) lines.push(`**${verdictWord(r)}** — ${mdText(note)}`, '');
  const c = r.counterexample;
  if (!c) return [...lines, 'No counterexample was recorded.', ''];
  const f = c.failure;
  lines.push(`${mdText(f.summary)} (${mdText(f.kind)})`, '');
  lines.push(...diagnosis(f), '');
  if (f.stack) lines.push('Where it threw:', '', mdBlock(f.stack, 'text'), '');
  lines.push('Replay:', '', mdBlock(c.replay, 'sh'), '');
  const w = worst(f);
  if (w.length > 0) lines.push(...w, '');
  lines.push(...matrices(f), ...shrunkCase(c), '');
  return lines;
}

/**
 * Renders the "Failures" section (level-2 heading) of the Markdown report.
 * @param results - all property results; only those with verdict `fail` are shown
 * @returns the section with a trailing blank line, or `''` when nothing failed
 */
export function renderMarkdownFailures(results: readonly PropertyResult[]): string {
  const failed = results.filter((r) => r.verdict === 'fail');
  if (failed.length === 0) return '';
  return ['## Failures', '', ...failed.flatMap((r, i) => failure(r, i + 1))].join('\n');
}
