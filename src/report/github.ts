/**
 * GitHub Actions annotations (`--format github`): one `::error` workflow command per property that
 * fails the run (failures an expectation file expects are left out; a failure other than the one it
 * expects is an error, and says so),
 * printed on standard output, where the Actions runner reads workflow commands and shows them on the
 * run's summary page and in the pull request. Nothing is printed for a run without failures.
 * @packageDocumentation
 */
import { expectationNote, failingResults } from '../expectations/applyExpectations.js';
import type { PropertyResult, RunResult } from '../result.js';
import { describeCase, describeSearch, describeWorst } from './describeFailure.js';
import { targetLabel } from './targetLabel.js';

/**
 * A shrunk case longer than this (a 64×64 W is about 40,000 characters) is left to the JSON report:
 * an annotation is read on a web page, and the replay line reproduces the case anyway.
 */
export const MAX_CASE_CHARS = 2000;

/**
 * Escapes the message of a workflow command as the Actions runner unescapes it: `%`, CR and LF
 * become `%25`, `%0D` and `%0A`, so a multi-line message stays one command line.
 * @param s - the message
 * @returns the escaped text
 */
export function escapeData(s: string): string {
  // Other control characters (ESC, BEL, …) would reach the log as they are: written as \xHH instead.
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Escapes a property value of a workflow command (`title=…`): as {@link escapeData}, and also `:`
 * and `,`, which end a value.
 * @param s - the value
 * @returns the escaped text
 */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The message of one failure: what failed, the replay command, the shrunk case, the worst entry and the diagnosis. */
function message(r: PropertyResult): string {
  if (r.expectation?.outcome === 'unexpected-pass') return expectationNote(r)!;
  // A failure of a listed unit leads with what the expectation file expected instead.
  const lead = r.expectation?.outcome === 'unexpected-failure' ? [expectationNote(r)!] : [];
  const c = r.counterexample;
  if (c === undefined) return [...lead, 'failed, no counterexample recorded'].join('\n');
  const f = c.failure;
  const kase = describeCase(c);
  const lines = [
    ...lead,
    f.summary,
    `Replay: ${c.replay}`,
    kase.length <= MAX_CASE_CHARS ? `Shrunk case: ${kase}` : `Shrunk case: ${kase.length} characters, in the JSON report (${describeSearch(c)})`,
  ];
  if (f.worst) lines.push(`Worst entry: ${describeWorst(f.worst)}`);
  if (f.diagnosis) lines.push(`Diagnosis: ${f.diagnosis.id}${f.diagnosis.formula ? ` (actual matches ${f.diagnosis.formula})` : ''}`);
  return lines.join('\n');
}

/**
 * Error annotations GitHub shows per step (it drops the rest silently): {@link MAX_ANNOTATIONS} − 1
 * failures, then one that counts the others.
 */
export const MAX_ANNOTATIONS = 10;

/**
 * Renders the annotations of a run.
 * @param result - the run
 * @returns one `::error title=…::…` line per property that fails the run (an unexpected failure, or
 *   an expected one that passed; each line ends in a newline), at most {@link MAX_ANNOTATIONS} − 1 of
 *   them and then one that says how many more the reports hold; or `''`
 */
export function renderGithubAnnotations(result: RunResult): string {
  const failing = failingResults(result);
  const shown = failing.length <= MAX_ANNOTATIONS ? failing : failing.slice(0, MAX_ANNOTATIONS - 1);
  const lines = shown.map(
    (r) => `::error title=${escapeProperty(`rnn-jac-spec ${r.property} (${r.rule}) on ${targetLabel(r.target)}`)}::${escapeData(message(r))}\n`,
  );
  const rest = failing.length - shown.length;
  if (rest > 0)
    lines.push(
      `::error title=${escapeProperty(`rnn-jac-spec: ${rest} more failing units`)}::${escapeData(
        `${rest} more properties fail the run: ${failing
          .slice(shown.length)
          .map((r) => `${r.property} on ${targetLabel(r.target)}`)
          .join(', ')}. Every failure is in the reports (Markdown, JUnit, JSON).`,
      )}\n`,
    );
  return lines.join('');
}
