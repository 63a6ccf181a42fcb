/**
 * The HTML report (`--format html`, rnn-jac-spec.html): one self-contained file (inline CSS and SVG,
 * no script, nothing fetched) that a maintainer opens from a CI artifact. For each failure it draws
 * the shrunk counterexample's expected and actual values and their difference as heatmaps next to
 * the diagnosis; for each property a histogram of error/tolerance over its cases.
 * @packageDocumentation
 */
import { expectationNote, failingResults } from '../expectations/applyExpectations.js';
import { RATIO_BIN_LABELS } from '../runner/ratioHistogram.js';
import type { MatrixData, PropertyResult, RunResult } from '../result.js';
import { givesNoVerdict } from '../runner/summarize.js';
import { describeCase, describeSearch, describeWorst } from './describeFailure.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escapeXml.js';
import { formatDuration, formatNumber } from './format.js';
import { heatmapSvg, histogramSvg, scaleOf } from './heatmapSvg.js';
import { targetLabel } from './targetLabel.js';
import { verdictWord } from './verdictWord.js';
import { NOT_DECLARED_HEADING, notDeclaredLines } from './notDeclaredText.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.1em;margin-bottom:.3em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:middle}
th{background:#f4f4f4}.num{text-align:right;white-space:nowrap}.pass{color:#1a7f37}.fail{color:#b2182b;font-weight:600}.xfail{color:#8a6d00}.na{color:#777}
.verdict{font-size:1.2em;font-weight:600}pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.heatmaps{display:flex;gap:1.5em;flex-wrap:wrap;align-items:flex-start}figure{margin:0}figcaption{font-size:.85em;color:#555;max-width:270px}
.failure{border-left:4px solid #b2182b;padding-left:1em;margin:1.5em 0}.diagnosis{background:#fff5f5;padding:.4em .6em}`;

/** The CSS class of each verdict word. */
const VERDICT_CLASS = { PASS: 'pass', FAIL: 'fail', 'n/a': 'na', XFAIL: 'xfail', XPASS: 'fail' } as const;

/** The histogram cell: passing cases per bin of error/tolerance, and the failing cases in red. */
function histogramCell(r: PropertyResult): string {
  if (r.ratioHistogram === undefined || r.verdict === 'not-applicable') return '';
  const failing = r.cases - r.ratioHistogram.reduce((s, c) => s + c, 0);
  return histogramSvg([...r.ratioHistogram, failing], [...RATIO_BIN_LABELS, '> 1 (failed)']);
}

function resultsTable(result: RunResult): string {
  const rows = result.results.map((r) => {
    const word = verdictWord(r);
    const cls = VERDICT_CLASS[word];
    const why = r.reason ?? expectationNote(r);
    return (
      `<tr><td>${text(r.property)}</td><td>${text(r.rule)}</td><td><code>${text(targetLabel(r.target))}</code></td>` +
      `<td class="${cls}"${why !== undefined ? ` title="${attr(why)}"` : ''}>${word}</td><td class="num">${r.cases}</td>` +
      `<td class="num">${r.verdict === 'pass' ? formatNumber(r.maxRatio, 3) : ''}</td><td>${histogramCell(r)}</td><td class="num">${formatDuration(r.durationMs)}</td></tr>`
    );
  });
  return (
    `<table class="results"><tr><th>Property</th><th>Rule</th><th>Target</th><th>Verdict</th><th>Cases</th><th>Max error/tolerance</th>` +
    `<th title="passing cases per bin: 0, ≤1e-6 … ≤0.1, ≤0.5, ≤1; red: failed">Error/tolerance over cases</th><th>Time</th></tr>${rows.join('')}</table>`
  );
}

/** Expected, actual and their difference, as three heatmaps (expected and actual on one scale). */
function heatmaps(expected: MatrixData, actual: MatrixData, tolerance: MatrixData | undefined): string {
  const diff: MatrixData = { rows: actual.rows, cols: actual.cols, values: actual.values.map((v, k) => v - expected.values[k]) };
  const s = scaleOf(expected, actual);
  const ds = scaleOf(diff);
  const beyond = tolerance === undefined ? undefined : (k: number) => !(Math.abs(diff.values[k]) <= tolerance.values[k]);
  const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${caption}</figcaption></figure>`;
  const shape = `${expected.rows}×${expected.cols}`;
  return (
    `<div class="heatmaps">${figure(heatmapSvg(expected, 'expected', s), `Expected (${shape}); blue −${text(formatNumber(s, 3))} … white 0 … red +${text(formatNumber(s, 3))}`)}` +
    `${figure(heatmapSvg(actual, 'actual', s), `Actual, same scale`)}` +
    `${figure(heatmapSvg(diff, 'difference', ds, beyond), `Actual − expected, ±${text(formatNumber(ds, 3))}${beyond ? '; outlined: beyond tolerance' : ''}`)}</div>`
  );
}

function failureSection(r: PropertyResult, k: number): string {
  const c = r.counterexample;
  const head = `<h3>${text(`${r.property} (${r.rule}) on ${targetLabel(r.target)}`)}</h3>`;
  if (c === undefined) return `<section class="failure" id="failure-${k}">${head}<p>failed, no counterexample recorded</p></section>`;
  const f = c.failure;
  const parts = [head, `<p>${text(f.summary)}</p>`];
  const note = expectationNote(r);
  if (note !== undefined) parts.push(`<p class="${VERDICT_CLASS[verdictWord(r)]}">${text(note)}</p>`);
  if (f.diagnosis)
    parts.push(
      `<p class="diagnosis"><b>Diagnosis: ${text(f.diagnosis.id)}</b>: ${text(f.diagnosis.message)}${f.diagnosis.formula ? ` <br>Actual matches <code>${text(f.diagnosis.formula)}</code>` : ''}</p>`,
    );
  if (f.expected && f.actual && f.expected.values.length === f.actual.values.length) parts.push(heatmaps(f.expected, f.actual, f.tolerance));
  if (f.worst) parts.push(`<p>Worst entry: ${text(describeWorst(f.worst))}</p>`);
  parts.push(`<p>Replay (one command, this case exactly):</p><pre>${text(c.replay)}</pre>`);
  parts.push(`<details><summary>Shrunk case (${text(describeSearch(c))})</summary><pre>${text(describeCase(c))}</pre></details>`);
  if (f.stack) parts.push(`<details><summary>Stack</summary><pre>${text(f.stack)}</pre></details>`);
  return `<section class="failure" id="failure-${k}">${parts.join('\n')}</section>`;
}

/**
 * Renders the HTML report.
 * @param result - the run
 * @returns the document, with a trailing newline
 */
export function renderHtml(result: RunResult): string {
  const s = result.summary;
  const info = result.adapter.info;
  const failing = failingResults(result).length > 0;
  // Faults outside any case, or no case checked: the run gives no verdict (exit 2), whatever passed.
  const noVerdict = givesNoVerdict(result);
  const about: [string, string | undefined][] = [
    ['Adapter', `${result.adapter.spec} (${result.adapter.name})`],
    ['Framework', info?.framework],
    ['Version', info?.version],
    ['Backend', info?.backend],
    ['Device', info?.device],
    ['Notes', info?.notes],
    ['rnn-jac-spec', `${result.tool.version} (spec ${result.tool.specVersion})`],
    [
      'Options',
      `seed ${result.options.seed}, ${result.options.runs} cases per property, n ≤ ${result.options.maxN}, T ≤ ${result.options.maxT}${result.options.expectations ? `, expectations ${result.options.expectations}` : ''}`,
    ],
  ];
  const failures = result.results.filter((r) => r.verdict === 'fail' || r.expectation?.outcome === 'unexpected-pass');
  const undeclared = notDeclaredLines(result.notDeclared);
  const body = [
    `<h1>rnn-jac-spec report: ${text(result.adapter.name)}</h1>`,
    `<p class="verdict ${failing || noVerdict ? 'fail' : 'pass'}">${failing ? 'FAIL' : noVerdict ? 'NO VERDICT' : 'PASS'}${result.interrupted === true ? ' (interrupted: the units that ended)' : ''}${noVerdict && !failing ? ` (${(result.faults ?? []).map((f) => text(`${f.during}: ${f.message}`)).join('; ') || 'nothing was tested'})` : ''} — ${s.fail} failed${s.expectedFailures !== undefined ? ` (${s.expectedFailures} expected${s.unexpectedFailures ? `, ${s.unexpectedFailures} not the failure listed` : ''})` : ''}${s.unexpectedPasses ? `, ${s.unexpectedPasses} expected failure(s) passed` : ''}, ${s.pass} passed, ${s.notApplicable} not applicable; ${s.cases} cases in ${text(formatDuration(result.durationMs))}, started ${text(result.startedAt)}</p>`,
    `<table class="info">${about
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<tr><th>${k}</th><td>${text(v!)}</td></tr>`)
      .join('')}</table>`,
    '<h2>Results</h2>',
    resultsTable(result),
    ...(undeclared.length > 0 ? [`<h2>${NOT_DECLARED_HEADING}</h2>`, `<ul>${undeclared.map((l) => `<li>${text(l)}</li>`).join('')}</ul>`] : []),
    ...(failures.length > 0
      ? [
          '<h2>Failures</h2>',
          ...failures.map((r, k) =>
            r.verdict === 'fail'
              ? failureSection(r, k)
              : `<section class="failure"><h3>${text(`${r.property} (${r.rule}) on ${targetLabel(r.target)}`)}</h3><p>${text(expectationNote(r)!)}</p></section>`,
          ),
        ]
      : []),
  ];
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${text(`rnn-jac-spec report: ${result.adapter.name}`)}</title><style>${STYLE}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
