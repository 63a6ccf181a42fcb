import { failingResults } from '../expectations/applyExpectations.js';
import { givesNoVerdict } from '../runner/summarize.js';
import { appendFileSync } from 'node:fs';
import { renderGithubAnnotations } from '../report/github.js';
import { renderMarkdown } from '../report/markdown.js';
import type { ReportDir } from '../report/reportDir.js';
import type { ReportFormat } from '../report/reportFormat.js';
import type { RunResult } from '../result.js';
import { safeLine } from '../text/safeText.js';
import { summary } from './summary.js';

/**
 * The exit code of a finished run: 2 when it tested nothing or adapter code faulted outside any case
 * (no verdict can be trusted to be complete), else 1 when a result fails the run, else 0.
 */
export function exitCodeOf(result: RunResult): number {
  if (givesNoVerdict(result)) return 2;
  return failingResults(result).length > 0 ? 1 : 0;
}

/** Why a run exits 2 without a failure, as lines for stderr (empty when it does not). */
export function noVerdictLines(result: RunResult): string[] {
  const lines: string[] = [];
  const faults = result.faults ?? [];
  const stand = result.results.length > 0 ? 'the results above stand, but the adapter did not run cleanly' : 'no unit ended';
  for (const f of faults) lines.push(`rnn-jac-spec: adapter fault (${f.during}): ${f.message}; ${stand}`);
  // Faults that left no unit are the reason nothing was tested; say nothing more.
  if (result.interrupted !== true && result.summary.cases === 0 && !(faults.length > 0 && result.results.length === 0)) {
    lines.push('rnn-jac-spec: nothing was tested: no case was checked in any unit');
    const reasons = [
      ...new Set(
        result.results.map(
          (r) => `  ${r.property} on ${[r.target.variant, r.target.dtype].filter((x) => x !== undefined).join(' ')}: ${r.reason ?? r.verdict}`,
        ),
      ),
    ];
    lines.push(...(reasons.length > 0 ? reasons : ['  the run has no unit: the adapter declares no target for the chosen properties']));
  }
  return lines;
}

/**
 * In a GitHub Actions step (`GITHUB_STEP_SUMMARY` names a file), appends the Markdown report to the
 * step's summary page. A file that cannot be written costs a warning, never the run's verdict.
 */
function appendStepSummary(result: RunResult, warn: NodeJS.WritableStream, env = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  try {
    appendFileSync(file, `${renderMarkdown(result)}\n`);
  } catch (e) {
    warn.write(
      `rnn-jac-spec: cannot append to GITHUB_STEP_SUMMARY (${safeLine(file, 300)}): ${e instanceof Error ? safeLine(e.message, 300) : 'unknown error'}\n`,
    );
  }
}

/**
 * What a run and a merge both end with: the report files (all of them, or none, see reportDir.ts),
 * the summary on `out`, GitHub annotations when asked for, and the exit code ({@link exitCodeOf}),
 * with the reasons of an exit 2 on `err`. Synchronous, so that an interrupted run can end with it.
 * @param result - the run (or the merged shards)
 * @param reports - the open `--report` directory
 * @param formats - `--format`
 * @param out - standard output
 * @param err - standard error
 * @param o - `streamed`: the header and rows were printed as the run went
 */
export function reportRun(
  result: RunResult,
  reports: ReportDir,
  formats: readonly ReportFormat[],
  out: NodeJS.WritableStream,
  err?: NodeJS.WritableStream,
  o: { readonly streamed?: boolean } = {},
): number {
  const written = reports.write(result);
  out.write(`${summary(result, o)}\n`);
  if (formats.includes('github')) out.write(renderGithubAnnotations(result));
  appendStepSummary(result, err ?? out);
  // A path is the user's, but may hold anything a file name can: print it safely.
  if (written.length > 0) out.write(`Reports: ${written.map((f) => safeLine(f, 1000)).join(', ')}\n`);
  const lines = noVerdictLines(result);
  if (lines.length > 0) (err ?? out).write(`${lines.join('\n')}\n`);
  return exitCodeOf(result);
}
