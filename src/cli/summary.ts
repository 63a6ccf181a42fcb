import { expectationNote, failingResults } from '../expectations/applyExpectations.js';
import { budgetNote } from '../report/budgetNote.js';
import { describeFailure } from '../report/describeFailure.js';
import { formatDuration } from '../report/format.js';
import { targetLabel } from '../report/targetLabel.js';
import { verdictWord } from '../report/verdictWord.js';
import type { RunResult } from '../runner/result.js';

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j >= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd()).join('\n');
}

/** What the CLI prints at the end: the header, one row per property × target, failures in full, totals. */
export function summary(r: RunResult): string {
  const info = r.adapter.info;
  const about = info !== undefined ? ` (${info.framework} ${info.version}${info.backend !== undefined ? `, backend ${info.backend}` : ''}${info.device !== undefined ? `, ${info.device}` : ''})` : '';
  const budgets = [r.options.timeBudgetMs !== undefined ? `time budget ${formatDuration(r.options.timeBudgetMs)}` : '', r.options.unitTimeBudgetMs !== undefined ? `${formatDuration(r.options.unitTimeBudgetMs)} per unit` : ''].filter((b) => b !== '');
  const head = `rnn-jac-spec ${r.tool.version}, spec ${r.tool.specVersion}: adapter ${r.adapter.name}${about}\nseed ${r.options.seed}, ${r.options.runs} cases per property, n ≤ ${r.options.maxN}, T ≤ ${r.options.maxT}${budgets.length > 0 ? `, ${budgets.join(', ')}` : ''}`;
  const rows = [['property', 'rule', 'target', 'verdict', 'cases', 'err/tol', 'time']];
  for (const p of r.results) {
    const target = [p.target.backend, p.target.variant, p.target.dtype].filter((x) => x !== undefined).join(' ');
    rows.push([p.property, p.rule, target, verdictWord(p), String(p.cases), p.verdict === 'pass' ? p.maxRatio.toPrecision(2) : '', formatDuration(p.durationMs)]);
  }
  const failures = r.results.filter((p) => p.verdict === 'fail').map((p) => {
    const note = expectationNote(p);
    return `${verdictWord(p)} ${p.property} (${p.rule}) on ${targetLabel(p.target)}${note === undefined ? '' : ` (${note})`}\n  ${describeFailure(p).replace(/\n/g, '\n  ')}`;
  });
  const xpass = r.results.filter((p) => p.expectation?.outcome === 'unexpected-pass').map((p) => `XPASS ${p.property} (${p.rule}) on ${targetLabel(p.target)}: ${expectationNote(p)}`);
  const na = r.results.filter((p) => p.verdict === 'not-applicable' && p.reason !== undefined);
  const reasons = [...new Set(na.map((p) => `  ${p.property}: ${p.reason}`))];
  const observations = [...new Set(r.results.flatMap((p) => p.observations ?? []))];
  const budget = r.results.flatMap((p) => {
    const note = budgetNote(p, r.options.runs);
    return note === undefined ? [] : [`  ${p.property} on ${targetLabel(p.target)}: ${note}`];
  });
  const s = r.summary;
  const parts = [head, '', table(rows)];
  if (reasons.length > 0) parts.push('', 'Not applicable:', ...reasons);
  if (budget.length > 0) parts.push('', 'Stopped at the time budget (each verdict covers the cases it checked):', ...budget);
  if (observations.length > 0) parts.push('', 'Observations (information, not verdicts):', ...observations.map((o) => `  ${o}`));
  if (failures.length > 0) parts.push('', ...failures.flatMap((f) => [f, '']));
  if (xpass.length > 0) parts.push('', ...xpass);
  const unlike = s.unexpectedFailures ? `, ${s.unexpectedFailures} not the failure listed` : '';
  const expected = s.expectedFailures === undefined ? '' : ` (${s.expectedFailures} expected${unlike})`;
  const stale = s.unexpectedPasses ? `; ${s.unexpectedPasses} expected failure(s) passed` : '';
  parts.push('', `${s.pass} passed, ${s.fail} failed${expected}, ${s.notApplicable} not applicable: ${s.cases} cases in ${formatDuration(r.durationMs)}${stale}`);
  if (s.expectedFailures !== undefined) parts.push(`Run ${failingResults(r).length > 0 ? 'fails' : 'passes'} against ${r.options.expectations}.`);
  return parts.join('\n');
}
