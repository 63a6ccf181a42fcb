import { expectationNote, failingResults } from '../expectations/applyExpectations.js';
import { budgetNote } from '../report/budgetNote.js';
import { describeFailure } from '../report/describeFailure.js';
import { formatDuration } from '../report/format.js';
import { targetLabel } from '../report/targetLabel.js';
import { verdictWord } from '../report/verdictWord.js';
import type { PropertyResult, RunResult } from '../result.js';
import { NOT_DECLARED_HEADING, notDeclaredLines } from '../report/notDeclaredText.js';

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows
    .map((r) =>
      r
        .map((c, j) => (j >= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The table's column titles. */
export const COLUMNS = ['property', 'rule', 'target', 'verdict', 'cases', 'err/tol', 'time'] as const;

/** A result's target as the table shows it: backend, variant, dtype. */
export function tableTarget(t: PropertyResult['target']): string {
  return [t.backend, t.variant, t.dtype].filter((x) => x !== undefined).join(' ');
}

/** A failure's err/tol: the worst entry's ratio for a mismatch, else its kind. */
function failedRatio(p: PropertyResult): string {
  const f = p.counterexample?.failure;
  if (f === undefined) return '';
  if (f.worst !== undefined && f.worst.tolerance > 0) return (f.worst.error / f.worst.tolerance).toPrecision(3);
  return f.kind;
}

/** One table row of a result, as strings per {@link COLUMNS}. */
export function tableRow(p: PropertyResult): string[] {
  const ratio = p.verdict === 'pass' ? p.maxRatio.toPrecision(2) : p.verdict === 'fail' ? failedRatio(p) : '';
  return [p.property, p.rule, tableTarget(p.target), verdictWord(p), casesCell(p), ratio, formatDuration(p.durationMs)];
}

/**
 * The cases column: the cases checked; for a failure, the case it was found at and the cases checked
 * after it (shrink candidates, the follow-up case, cases already under way), as `14+21`.
 */
function casesCell(p: PropertyResult): string {
  const found = p.counterexample?.failedAfter;
  if (p.verdict !== 'fail' || found === undefined || p.counterexample?.path === undefined || found > p.cases) return String(p.cases);
  return `${found}+${p.cases - found}`;
}

/** The first line of the output, known before the adapter starts: version, seed and sizes. */
export function runLine(r: { readonly options: Pick<RunResult['options'], 'seed' | 'runs' | 'maxN' | 'maxT' | 'timeBudgetMs' | 'unitTimeBudgetMs'> }): string {
  const budgets = [
    r.options.timeBudgetMs !== undefined ? `time budget ${formatDuration(r.options.timeBudgetMs)}` : '',
    r.options.unitTimeBudgetMs !== undefined ? `${formatDuration(r.options.unitTimeBudgetMs)} per unit` : '',
  ].filter((b) => b !== '');
  return `seed ${r.options.seed}, ${r.options.runs} cases per property, n ≤ ${r.options.maxN}, T ≤ ${r.options.maxT}${budgets.length > 0 ? `, ${budgets.join(', ')}` : ''}`;
}

/** The tool and spec versions, as the first line starts. */
export function toolPart(tool: RunResult['tool']): string {
  return `rnn-jac-spec ${tool.version}, spec ${tool.specVersion}`;
}

/** The adapter as the header names it, with what its info() said. */
export function adapterLine(adapter: { readonly name: string; readonly info?: RunResult['adapter']['info'] }): string {
  const info = adapter.info;
  const about =
    info !== undefined
      ? ` (${info.framework} ${info.version}${info.backend !== undefined ? `, backend ${info.backend}` : ''}${info.device !== undefined ? `, ${info.device}` : ''})`
      : '';
  return `adapter ${adapter.name}${about}`;
}

/**
 * What the CLI prints at the end: the header, one row per property × target, failures in full,
 * totals. `streamed`: the header and the rows were printed as the run went (liveTable.ts), so only
 * the rest is.
 */
export function summary(r: RunResult, o: { readonly streamed?: boolean } = {}): string {
  const head = `${toolPart(r.tool)}: ${adapterLine(r.adapter)}\n${runLine(r)}`;
  const rows = [[...COLUMNS], ...r.results.map(tableRow)];
  const failures = r.results
    .filter((p) => p.verdict === 'fail')
    .map((p) => {
      const note = expectationNote(p);
      return `${verdictWord(p)} ${p.property} (${p.rule}) on ${targetLabel(p.target)}${note === undefined ? '' : ` (${note})`}\n  ${describeFailure(p).replace(/\n/g, '\n  ')}`;
    });
  const xpass = r.results
    .filter((p) => p.expectation?.outcome === 'unexpected-pass')
    .map((p) => `XPASS ${p.property} (${p.rule}) on ${targetLabel(p.target)}: ${expectationNote(p)}`);
  const na = r.results.filter((p) => p.verdict === 'not-applicable' && p.reason !== undefined);
  const reasons = [...new Set(na.map((p) => `  ${p.property}: ${p.reason}`))];
  const observations = [...new Set(r.results.flatMap((p) => p.observations ?? []))];
  const budget = r.results.flatMap((p) => {
    const note = budgetNote(p, r.options.runs);
    return note === undefined ? [] : [`  ${p.property} on ${targetLabel(p.target)}: ${note}`];
  });
  const s = r.summary;
  const parts = o.streamed === true ? [] : [head, '', table(rows)];
  if (reasons.length > 0) parts.push('', 'Not applicable:', ...reasons);
  const undeclared = notDeclaredLines(r.notDeclared);
  if (undeclared.length > 0) parts.push('', `${NOT_DECLARED_HEADING}:`, ...undeclared.map((l) => `  ${l}`));
  if (budget.length > 0) parts.push('', 'Stopped at the time budget (each verdict covers the cases it checked):', ...budget);
  if (observations.length > 0) parts.push('', 'Observations (information, not verdicts):', ...observations.map((o) => `  ${o}`));
  if (failures.length > 0) parts.push('', ...failures.flatMap((f) => [f, '']));
  if (xpass.length > 0) parts.push('', ...xpass);
  const unlike = s.unexpectedFailures ? `, ${s.unexpectedFailures} not the failure listed` : '';
  const expected = s.expectedFailures === undefined ? '' : ` (${s.expectedFailures} expected${unlike})`;
  const stale = s.unexpectedPasses ? `; ${s.unexpectedPasses} expected failure(s) passed` : '';
  parts.push(
    '',
    `${s.pass} passed, ${s.fail} failed${expected}, ${s.notApplicable} not applicable: ${s.cases} cases${s.fail > 0 ? ' (shrinking included)' : ''} in ${formatDuration(r.durationMs)}${stale}`,
  );
  if (s.expectedFailures !== undefined) parts.push(`Run ${failingResults(r).length > 0 ? 'fails' : 'passes'} against ${r.options.expectations}.`);
  // Streamed, the rest follows the last row after one blank line (parts starts with '').
  return parts.join('\n');
}
