/**
 * `rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]`: merges the JSON reports of the
 * shards of one run (`--shard i/N`) into one report set, prints the summary, and exits as the
 * unsharded run would have (0, or 1 when a property fails the run); 2 for unreadable or malformed
 * reports (checked against specs/report.schema.json), overlaps, gaps, or shards of different runs.
 * @packageDocumentation
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MergeError, mergeReports } from '../report/mergeReports.js';
import { openReportDir, ReportDirError, type ReportDir } from '../report/reportDir.js';
import { REPORT_FILE_NAMES, REPORT_FORMATS } from '../report/writeReports.js';
import { InvalidReportError, validateReport } from '../report/validateReport.js';
import type { RunResult } from '../result.js';
import { errorText } from '../text/safeText.js';
import { DEFAULTS, formatsOf, parseArgv } from './cliOptions.js';
import { reportRun } from './reportRun.js';
import { UsageError } from './usageError.js';

/** The `merge --help` text. */
export function mergeUsage(): string {
  return `Usage: rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]

Merges the JSON reports of the shards of one run (--shard i/N, each i from 1 to N once) into the
report set the unsharded run would have written, prints its summary, and exits as that run would.

  REPORT          a shard's JSON report (${REPORT_FILE_NAMES.json}), or the --report directory holding it
  --report DIR    where the merged reports go (default ${DEFAULTS.report}/)
  --format LIST   report formats: ${REPORT_FORMATS.join(',')} (default ${DEFAULTS.format})
  --help, -h      this text

Exit codes: 0 every applicable property passed; 1 a property failed; 2 a report that cannot be read,
is malformed or is not a shard of the run (overlap, gap, another run), or no verdict.
`;
}

const GIVE = `give the JSON report of each shard (${REPORT_FILE_NAMES.json}), or the --report directory of a shard run whose --format includes json`;

/** Reads one shard report: a JSON report file, or a report directory holding rnn-jac-spec.json. */
function readShard(path: string): { name: string; report: RunResult } {
  let file = path;
  try {
    if (existsSync(path) && statSync(path).isDirectory()) file = join(path, REPORT_FILE_NAMES.json);
  } catch {
    // Unreadable: readFileSync below says why.
  }
  if (file !== path && !existsSync(file)) throw new MergeError(`${path} is a directory without ${REPORT_FILE_NAMES.json}: ${GIVE}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MergeError(`cannot read ${file} (${e instanceof Error ? e.message : String(e)}): ${GIVE}`);
  }
  // A byte order mark (some editors on Windows write one) is no part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new MergeError(`${file} is empty: ${GIVE}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8 quotes the text around the error, newlines and all: keep the message on one line.
    throw new MergeError(`${file} is not JSON (${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')}): ${GIVE}`);
  }
  try {
    return { name: file, report: validateReport(value) };
  } catch (e) {
    if (e instanceof InvalidReportError) throw new MergeError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Runs `merge` on its arguments (after the word `merge`) and resolves to the exit code. */
export async function mergeCommand(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let reports: ReportDir | undefined;
  try {
    const parsed = parseArgv({
      args: [...argv],
      allowPositionals: true,
      options: { report: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help === true) return (void out.write(mergeUsage()), 0);
    if (parsed.positionals.length === 0)
      throw new UsageError('merge needs the reports of the shards: rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]');
    const formats = formatsOf(parsed.values.format);
    const merged = mergeReports(parsed.positionals.map(readShard));
    reports = openReportDir(parsed.values.report ?? DEFAULTS.report, formats);
    return reportRun(merged, reports, formats, out, err);
  } catch (e) {
    if (e instanceof UsageError) return (void err.write(`rnn-jac-spec merge: ${e.message}\nRun 'rnn-jac-spec merge --help' for the usage.\n`), 2);
    if (e instanceof MergeError || e instanceof ReportDirError) return (void err.write(`rnn-jac-spec merge: ${e.message}\n`), 2);
    // Exit 1 means a failed property: a fault of the tool itself is no verdict.
    err.write(`rnn-jac-spec merge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : errorText(e)}\n`);
    return 2;
  } finally {
    reports?.release();
  }
}
