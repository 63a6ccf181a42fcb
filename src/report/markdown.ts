/**
 * The Markdown report: a summary a maintainer can read on a CI page or paste into an issue.
 * @packageDocumentation
 */
import { expectationNote, failingResults } from '../expectations/applyExpectations.js';
import type { PropertyResult, RunResult } from '../result.js';
import { budgetNote } from './budgetNote.js';
import { formatDuration, formatNumber, formatRatio } from './format.js';
import { renderMarkdownFailures } from './markdownFailures.js';
import { mdCode, mdTable, mdText } from './markdownText.js';
import { targetLabel } from './targetLabel.js';
import { NOT_DECLARED_HEADING, notDeclaredLines } from './notDeclaredText.js';

/** What a table shows for a missing value. */
const NONE = '—';

/** Overall line: verdict and counts. */
function overall(result: RunResult): string {
  const s = result.summary;
  const failing = failingResults(result).length > 0;
  const faulted = (result.faults?.length ?? 0) > 0;
  const word = failing ? '**FAIL**' : faulted ? '**NO VERDICT** (faults)' : s.pass > 0 || s.fail > 0 ? '**PASS**' : '**NOTHING RAN**';
  const verdict = result.interrupted === true ? `**INTERRUPTED** (the units that ended: ${word})` : word;
  const unlike = s.unexpectedFailures ? `, ${s.unexpectedFailures} not the failure it lists` : '';
  const expected = s.expectedFailures === undefined ? '' : ` (${s.expectedFailures} expected by ${mdText(result.options.expectations ?? '')}${unlike})`;
  const stale = s.unexpectedPasses ? `, ${s.unexpectedPasses} expected failure(s) passed` : '';
  return (
    `${verdict} — ${s.fail} failed${expected}${stale}, ${s.pass} passed, ${s.notApplicable} not applicable; ` +
    `${s.cases} cases in ${formatDuration(result.durationMs)}, started ${mdText(result.startedAt)}.`
  );
}

/** The adapter and tool, as a two-column table. */
function adapterSection(result: RunResult): string[] {
  const info = result.adapter.info;
  const rows: [string, string | undefined][] = [
    ['Adapter', `${mdCode(result.adapter.spec, true)} (${mdText(result.adapter.name)})`],
    ['Framework', info && mdText(info.framework)],
    ['Version', info && mdText(info.version)],
    ['Backend', info?.backend && mdText(info.backend)],
    ['Device', info?.device && mdText(info.device)],
    ['Notes', info?.notes && mdText(info.notes)],
    ['rnn-jac-spec', `${mdText(result.tool.version)} (spec ${mdText(result.tool.specVersion)})`],
  ];
  const shown = rows.map(([k, v]) => [k, v || NONE]);
  return ['## Adapter', '', mdTable(['Field', 'Value'], shown), ''];
}

/** The options that reproduce the run. */
function optionsSection(result: RunResult): string[] {
  const o = result.options;
  const items: [string, string | number | undefined][] = [
    ['seed', o.seed],
    ['runs', o.runs],
    ['max-n', o.maxN],
    ['max-t', o.maxT],
    ['timeout', `${o.timeoutMs} ms`],
    ['properties', o.properties.length > 0 ? o.properties.join(', ') : 'all'],
    ['backend', o.backend],
    ['variant', o.variant],
    ['dtype', o.dtype],
  ];
  const lines = items.filter(([, v]) => v !== undefined).map(([k, v]) => `- ${k}: ${mdCode(String(v))}`);
  return ['## Options', '', ...lines, ''];
}

/** The verdict cell; a not-applicable one says why, one stopped at the time budget after how many cases. */
function verdictCell(r: PropertyResult, runs: number): string {
  const stopped = budgetNote(r, runs);
  const cell = verdictText(r);
  return stopped === undefined ? cell : `${cell} (${stopped})`;
}

function verdictText(r: PropertyResult): string {
  const note = expectationNote(r);
  if (r.expectation?.outcome === 'unexpected-failure') return `**fail** (${mdText(note!)})`;
  if (note !== undefined) return r.verdict === 'fail' ? `fail (${mdText(note)})` : `**pass** (${mdText(note)})`;
  if (r.verdict === 'fail') return '**fail**';
  if (r.verdict === 'pass') return 'pass';
  return r.reason ? `n/a: ${mdText(r.reason)}` : 'n/a';
}

/** The error/tolerance cell: the largest ratio for a pass, the worst entry's for a failure. */
function ratioCell(r: PropertyResult): string {
  if (r.verdict === 'not-applicable') return NONE;
  if (r.verdict === 'pass') return formatNumber(r.maxRatio, 3);
  const f = r.counterexample?.failure;
  if (f?.worst) return `**${formatRatio(f.worst.error, f.worst.tolerance)}**`;
  return f ? mdText(f.kind) : NONE;
}

/** The table of all results. */
function resultsSection(results: readonly PropertyResult[], runs: number): string[] {
  if (results.length === 0) return ['## Results', '', 'No property ran.', ''];
  const header = ['Property', 'Rule', 'Target', 'Verdict', 'Cases', 'Max error/tolerance', 'Time'];
  const rows = results.map((r) => [
    mdCode(r.property, true),
    mdText(r.rule),
    mdCode(targetLabel(r.target), true),
    verdictCell(r, runs),
    String(r.cases),
    ratioCell(r),
    formatDuration(r.durationMs),
  ]);
  return ['## Results', '', mdTable(header, rows, ['l', 'l', 'l', 'l', 'r', 'r', 'r']), ''];
}

/** Faults: why the run gives no verdict even where its units passed. */
function faultsSection(result: RunResult): string[] {
  const faults = result.faults ?? [];
  if (faults.length === 0) return [];
  return [
    '## Faults',
    '',
    'The run gives no verdict (exit 2), for what happened outside any case:',
    '',
    ...faults.map((f) => `- ${mdText(f.during)}: ${mdText(f.message)}`),
    '',
  ];
}

/** What the adapter did not declare: no case drew it. */
function notDeclaredSection(result: RunResult): string[] {
  const lines = notDeclaredLines(result.notDeclared);
  return lines.length === 0 ? [] : [`## ${NOT_DECLARED_HEADING}`, '', ...lines.map((l) => `- ${mdText(l)}`), ''];
}

/** Observations that are not verdicts, e.g. the subgradient used at a kink. */
function observationsSection(results: readonly PropertyResult[]): string[] {
  const lines = results.flatMap((r) => (r.observations ?? []).map((o) => `- ${mdCode(r.property)} on ${mdCode(targetLabel(r.target))}: ${mdText(o)}`));
  return lines.length === 0 ? [] : ['## Observations', '', ...lines, ''];
}

/**
 * Renders the Markdown report: heading and overall verdict, adapter (framework, version, backend,
 * device), options (seed, runs, max-n, max-t …), a table with one row per property result
 * (property, rule, target, verdict, cases, max error/tolerance, time), then a "Failures" section
 * (replay command, diagnosis, worst entry, shrunk expected and actual values) and an
 * "Observations" section, each only when there is something to show.
 * @param result - the run
 * @returns the Markdown text, with a trailing newline
 */
export function renderMarkdown(result: RunResult): string {
  const parts = [
    `# rnn-jac-spec report: ${mdText(result.adapter.name)}`,
    '',
    overall(result),
    '',
    ...faultsSection(result),
    ...adapterSection(result),
    ...optionsSection(result),
    ...resultsSection(result.results, result.options.runs),
    ...notDeclaredSection(result),
  ];
  const failures = renderMarkdownFailures(result.results);
  if (failures) parts.push(failures);
  parts.push(...observationsSection(result.results));
  return `${parts.join('\n').trimEnd()}\n`;
}
