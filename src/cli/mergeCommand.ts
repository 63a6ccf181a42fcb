/**
 * `rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]`: merges the JSON reports of the
 * shards of one run (`--shard i/N`) into one report set, prints the summary, and exits as the
 * unsharded run would have (0, or 1 when a property fails the run); 2 for unreadable reports,
 * overlaps, gaps, or shards of different runs.
 * @packageDocumentation
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MergeError, mergeReports } from '../report/mergeReports.js';
import { openReportDir, ReportDirError, type ReportDir } from '../report/reportDir.js';
import { REPORT_FILE_NAMES } from '../report/writeReports.js';
import type { RunResult } from '../runner/result.js';
import { DEFAULTS, formatsOf, parseArgv } from './cliOptions.js';
import { reportRun } from './reportRun.js';
import { UsageError } from './usageError.js';

/** Reads one shard report: a JSON report file, or a report directory holding rnn-jac-spec.json. */
function readShard(path: string): { name: string; report: RunResult } {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, REPORT_FILE_NAMES.json) : path;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MergeError(`cannot read ${file} (${e instanceof Error ? e.message : String(e)}): give the JSON report of each shard, or its --report directory`);
  }
  try {
    const report = JSON.parse(text) as RunResult;
    if (report?.reportVersion !== 2 || !Array.isArray(report.results)) throw new Error('not an rnn-jac-spec JSON report');
    return { name: file, report };
  } catch (e) {
    throw new MergeError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Runs `merge` on its arguments (after the word `merge`) and resolves to the exit code. */
export async function mergeCommand(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let reports: ReportDir | undefined;
  try {
    const parsed = parseArgv({ args: [...argv], allowPositionals: true, options: { report: { type: 'string' }, format: { type: 'string' } } });
    if (parsed.positionals.length === 0) throw new UsageError('merge needs the reports of the shards: rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]');
    const formats = formatsOf(parsed.values.format);
    const merged = mergeReports(parsed.positionals.map(readShard));
    reports = openReportDir(parsed.values.report ?? DEFAULTS.report, formats);
    return reportRun(merged, reports, formats, out, err);
  } catch (e) {
    if (e instanceof UsageError || e instanceof MergeError || e instanceof ReportDirError) return void err.write(`rnn-jac-spec merge: ${e.message}\n`), 2;
    throw e;
  } finally {
    reports?.release();
  }
}
