/**
 * `--jobs N`: one run split over N child processes (the shards 1/N … N/N of `--shard`, each with its
 * own adapter), merged as `rnn-jac-spec merge` merges them. Every unit's cases depend on the seed
 * alone, so the results are those of one process; only the wall time changes.
 * @packageDocumentation
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyExpectations } from '../expectations/applyExpectations.js';
import type { Expectation } from '../expectations/expectation.js';
import { PARENT_ENV } from '../host/parentWatchdog.js';
import { mergeInterruptedShards, mergeReports } from '../report/mergeReports.js';
import type { ReportDir } from '../report/reportDir.js';
import { REPORT_FILE_NAMES } from '../report/writeReports.js';
import type { RunResult } from '../runner/result.js';
import type { CliOptions } from './cliOptions.js';
import { reportRun } from './reportRun.js';

/** Options the parent keeps for itself: the children write JSON to a temporary directory. */
const PARENT_ONLY = new Set(['--jobs', '--report', '--format', '--expectations']);

/** argv without the parent's own options (`--x v` and `--x=v` forms). */
export function childArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const name = argv[k].split('=')[0];
    if (!PARENT_ONLY.has(name)) out.push(argv[k]);
    else if (!argv[k].includes('=')) k++;
  }
  return out;
}

interface Child { readonly code: number; readonly stderr: string }

/** The children of this process's --jobs run, killed if it exits first (a signal, a crash). */
const live = new Set<ReturnType<typeof spawn>>();
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

function runChild(args: readonly string[]): Promise<Child> {
  return new Promise((resolve) => {
    // CI=true: no progress line from the children; stdout (their summaries) is not needed. Each
    // child watches this process and dies with it, even if it is killed with SIGKILL.
    const p = spawn(process.execPath, [fileURLToPath(new URL('./main.js', import.meta.url)), ...args], { env: { ...process.env, CI: 'true', [PARENT_ENV]: String(process.pid) }, stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(p);
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code, signal) => {
      live.delete(p);
      resolve({ code: code ?? (signal !== null ? 2 : 0), stderr });
    });
  });
}

/**
 * Runs `o` as `o.jobs` shards in child processes and reports the merged run like a single one.
 * @returns the exit code: the children's 2 (with their message) when one could not run, else the
 *   merged run's 0 or 1
 */
export async function runJobs(argv: readonly string[], o: CliOptions, expectations: readonly Expectation[] | undefined, reports: ReportDir, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-jac-spec-jobs-'));
  const started = Date.now();
  // An interrupt is passed on to the children, which write the units they finished; the parent then
  // merges those and exits as an interrupted run. A second signal ends it at once.
  let interrupted: { signal: string; code: number } | undefined;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted !== undefined) process.exit(interrupted.code);
    interrupted = { signal, code: codes[signal] };
    for (const p of live) p.kill('SIGTERM');
    setTimeout(() => {
      for (const p of live) p.kill('SIGKILL');
    }, 10_000).unref();
  };
  for (const s of Object.keys(codes)) process.on(s, onSignal);
  try {
    const base = childArgv(argv);
    const tty = (err as { isTTY?: boolean }).isTTY === true && process.env.CI === undefined;
    let done = 0;
    const children = await Promise.all(Array.from({ length: o.jobs }, async (_, k) => {
      const c = await runChild([...base, '--shard', `${k + 1}/${o.jobs}`, '--report', join(dir, String(k + 1)), '--format', 'json']);
      if (tty) err.write(`\r\x1b[2Krnn-jac-spec: ${++done} of ${o.jobs} jobs done`);
      return c;
    }));
    if (tty) err.write('\r\x1b[2K');
    if (interrupted !== undefined) return reportInterrupted(dir, o, expectations, reports, interrupted, started, out, err);
    // A child that wrote its report ran to the end (its exit 2 may be adapter faults, which the
    // merged report keeps); one that did not could not run at all: its message says why.
    const read = children.map((c, k) => {
      const name = join(dir, String(k + 1), REPORT_FILE_NAMES.json);
      try {
        return { name, report: JSON.parse(readFileSync(name, 'utf8')) as RunResult };
      } catch {
        return undefined;
      }
    });
    const broken = children.find((c, k) => read[k] === undefined || (c.code !== 0 && c.code !== 1 && c.code !== 2));
    if (broken !== undefined) return void err.write(broken.stderr.length > 0 ? broken.stderr : `rnn-jac-spec: a --jobs child exited with code ${broken.code} and wrote no report\n`), 2;
    const shards = read.map((r) => r!);
    // The merge adds the shards' times; the run took the wall time.
    const faults = shards.flatMap((s) => s.report.faults ?? []);
    const merged = { ...mergeReports(shards), durationMs: Date.now() - started, ...(faults.length > 0 ? { faults } : {}) };
    const result = expectations === undefined ? merged : applyExpectations(merged, expectations, o.expectations!);
    return reportRun(result, reports, o.formats, out, err);
  } finally {
    for (const s of Object.keys(codes)) process.off(s, onSignal);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The reports the children of an interrupted run wrote, merged and marked interrupted. */
function reportInterrupted(dir: string, o: CliOptions, expectations: readonly Expectation[] | undefined, reports: ReportDir, how: { signal: string; code: number }, started: number, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const shards = Array.from({ length: o.jobs }, (_, k) => join(dir, String(k + 1), REPORT_FILE_NAMES.json)).flatMap((name) => {
    try {
      return [{ name, report: JSON.parse(readFileSync(name, 'utf8')) as RunResult }];
    } catch {
      return [];
    }
  });
  if (shards.length > 0) {
    const merged = { ...mergeInterruptedShards(shards), durationMs: Date.now() - started };
    reportRun(expectations === undefined ? merged : applyExpectations(merged, expectations, o.expectations!), reports, o.formats, out, err);
  }
  err.write(`rnn-jac-spec: interrupted by ${how.signal}; the reports hold the units that ended\n`);
  return how.code;
}
