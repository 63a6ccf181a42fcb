import { failingResults } from '../expectations/applyExpectations.js';
import { renderGithubAnnotations } from '../report/github.js';
import { writeReports, type ReportFormat } from '../report/writeReports.js';
import type { RunResult } from '../runner/result.js';
import { summary } from './summary.js';

/**
 * What a run and a merge both end with: the summary on `out`, GitHub annotations when asked for, the
 * report files, and the exit code (1 when a result fails the run, else 0).
 * @param result - the run (or the merged shards)
 * @param dir - `--report`
 * @param formats - `--format`
 * @param out - standard output
 */
export async function reportRun(result: RunResult, dir: string, formats: readonly ReportFormat[], out: NodeJS.WritableStream): Promise<number> {
  out.write(`${summary(result)}\n`);
  if (formats.includes('github')) out.write(renderGithubAnnotations(result));
  const written = await writeReports(dir, result, formats);
  if (written.length > 0) out.write(`Reports: ${written.join(', ')}\n`);
  return failingResults(result).length > 0 ? 1 : 0;
}
