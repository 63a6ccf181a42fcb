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
import { PARENT_ENV } from '../host/parentWatchdog.js';
import { MergeError, mergePartialShards, mergeReports } from '../report/mergeReports.js';
import { safeLine } from '../text/safeText.js';
import type { ReportDir } from '../report/reportDir.js';
import { REPORT_FILE_NAMES } from '../report/writeReports.js';
import type { RunResult } from '../result.js';
import type { RunExtra } from '../runner/run.js';
import type { CliOptions } from './cliOptions.js';
import { exitCodeOf, reportRun } from './reportRun.js';

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

interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** The children of this process's --jobs run, killed if it exits first (a signal, a crash). */
const live = new Set<ReturnType<typeof spawn>>();
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

/** Writes to this process's stderr, never throwing (a closed stderr loses the line, nothing else). */
function forward(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // Closed.
  }
}

function runChild(args: readonly string[]): Promise<Child> {
  return new Promise((resolve) => {
    // CI=true: no progress line from the children; stdout (their summaries) is not needed. Each
    // child watches this process and dies with it, even if it is killed with SIGKILL.
    const p = spawn(process.execPath, [fileURLToPath(new URL('./main.js', import.meta.url)), ...args], {
      env: { ...process.env, CI: 'true', [PARENT_ENV]: String(process.pid) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    live.add(p);
    let stderr = '';
    // What the child's adapter printed (lines marked [adapter], already made safe) goes on to this
    // process's stderr as a single run's would; the rest is kept for the messages of a child that fails.
    let partial = '';
    p.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      stderr += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('[adapter] ')) forward(`${line}\n`);
    });
    // 'exit', not 'close': a process the child's adapter left running may hold its stderr open.
    p.on('exit', (code, signal) => {
      live.delete(p);
      setTimeout(() => {
        p.stderr.destroy();
        resolve({ code, signal, stderr });
      }, 100);
    });
  });
}

/**
 * Runs `o` as `o.jobs` shards in child processes and reports the merged run like a single one.
 * @returns the exit code: the children's 2 (with their message) when one could not start; 2 with a
 *   report of the units that ended when a child broke off (killed, interrupted); else the merged run's exit code
 */
export async function runJobs(
  argv: readonly string[],
  o: CliOptions,
  withExpectations: (r: RunResult) => RunResult,
  reports: ReportDir,
  unstarted: (extra: RunExtra) => RunResult,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-jac-spec-jobs-'));
  const started = Date.now();
  // An interrupt is passed on to the children, which write the units they finished; the parent then
  // merges those and exits as an interrupted run. A second signal ends it at once.
  let interrupted: { signal: string; code: number } | undefined;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  /** The shard reports written so far. */
  const readShards = (): ({ name: string; report: RunResult } | undefined)[] =>
    Array.from({ length: o.jobs }, (_, k) => {
      const name = join(dir, String(k + 1), REPORT_FILE_NAMES.json);
      try {
        return { name, report: JSON.parse(readFileSync(name, 'utf8')) as RunResult };
      } catch {
        return undefined;
      }
    });
  /** Reports an interrupted run: the units the children wrote (the children may still be writing). */
  const reportInterrupted = (how: { signal: string; code: number }): number => {
    const written = readShards().flatMap((r) => (r !== undefined ? [r] : []));
    reportRun(
      withExpectations(written.length > 0 ? { ...mergePartialShards(written, true), durationMs: Date.now() - started } : unstarted({ interrupted: true })),
      reports,
      o.formats,
      out,
      err,
    );
    err.write(`rnn-jac-spec: interrupted by ${how.signal}; the reports hold the units that ended\n`);
    return how.code;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal ends the run at once, with what the children have written by now.
    if (interrupted !== undefined) {
      let code = interrupted.code;
      try {
        code = reportInterrupted(interrupted);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        process.exit(code);
      }
    }
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
    const children = await Promise.all(
      Array.from({ length: o.jobs }, async (_, k) => {
        const c = await runChild([...base, '--shard', `${k + 1}/${o.jobs}`, '--report', join(dir, String(k + 1)), '--format', 'json']);
        if (tty) err.write(`\r\x1b[2Krnn-jac-spec: ${++done} of ${o.jobs} jobs done`);
        return c;
      }),
    );
    if (tty) err.write('\r\x1b[2K');
    if (interrupted !== undefined) return reportInterrupted(interrupted);
    const read = readShards();
    const written = read.flatMap((r) => (r !== undefined ? [r] : []));
    // A child whose adapter could not start (or that refused an option): the run could not either.
    const refused = children.findIndex((_, k) => read[k]?.report.faults?.some((f) => f.during === 'start') === true);
    if (refused >= 0) {
      reports.write(withExpectations(unstarted({ faults: read[refused]!.report.faults })));
      return (
        void err.write(
          children[refused].stderr
            .split('\n')
            .filter((l) => !l.startsWith('[adapter] '))
            .join('\n'),
        ),
        2
      );
    }
    // A child that wrote no report, or an interrupted one, broke off: its units are missing. So did one
    // that was killed, or whose exit code is not its report's: a report it did not write (adapter code can
    // kill its runner and put one there) stands for nothing.
    const reportedCode = read.map((r) => (r === undefined ? undefined : exitCodeOf(r.report)));
    const endedAsReported = children.map((c, k) => c.signal === null && c.code === reportedCode[k]);
    const lost = children.flatMap((c, k) => {
      const r = read[k];
      if (r === undefined || r.report.interrupted === true) return [{ during: `--jobs child ${k + 1}/${o.jobs}`, message: lostChild(c, r !== undefined) }];
      if (!endedAsReported[k])
        return [
          {
            during: `--jobs child ${k + 1}/${o.jobs}`,
            message: `${c.signal !== null ? `was killed by ${c.signal}` : `exited with code ${c.code}`} although its report gives exit ${reportedCode[k]}, perhaps by adapter code; its report is not taken`,
          },
        ];
      return [];
    });
    if (lost.length === 0) {
      try {
        // The merge adds the shards' times (and keeps their faults); the run took the wall time.
        return reportRun(withExpectations({ ...mergeReports(written), durationMs: Date.now() - started }), reports, o.formats, out, err);
      } catch (e) {
        // A shard that ended early (an internal error) holds fewer units: report what there is.
        if (!(e instanceof MergeError)) throw e;
        lost.push({ during: '--jobs', message: `the shards do not make a whole run: ${e.message}` });
      }
    }
    // Merged: what interrupted children wrote, and the reports of children that ended as their reports say.
    const taken = read.flatMap((r, k) => (r !== undefined && (r.report.interrupted === true || endedAsReported[k]) ? [r] : []));
    const partial = taken.length > 0 ? mergePartialShards(taken, false) : unstarted({});
    return reportRun(
      withExpectations({ ...partial, durationMs: Date.now() - started, faults: [...(partial.faults ?? []), ...lost] }),
      reports,
      o.formats,
      out,
      err,
    );
  } finally {
    for (const s of Object.keys(codes)) process.off(s, onSignal);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why a --jobs child broke off, in one line: how it ended, and the last thing it said. */
function lostChild(c: Child, interruptedReport: boolean): string {
  const how =
    c.signal !== null ? `was killed by ${c.signal}` : interruptedReport ? `was interrupted (exit ${c.code})` : `exited with code ${c.code} without a report`;
  const said = c.stderr
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .pop();
  return `${how}, perhaps by adapter code (a signal sent to its parent); its units are missing from this report${said !== undefined ? ` (it said: ${safeLine(said, 300)})` : ''}`;
}
