/**
 * Helpers of the hostile-adapter tests: run the BUILT CLI on a fixture of test/hostile/fixtures/,
 * synchronously ({@link runAdapter}) or as a live child that a test can signal ({@link startCli}),
 * and check what it left in its `--report` folder: the whole set (JSON, JUnit, Markdown) after every
 * run that got past its argument checks (with a `start` fault when its adapter never started),
 * nothing for a command line that was refused, and never a temporary file.
 * @packageDocumentation
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CaseFailureData, PropertyResult, RunResult } from '../../src/result.js';
import { CLI, cli, reportDir, ROOT, type CliRun } from '../cli/harness.js';

export { ensureBuilt, removeReportDirs, reportDir, ROOT } from '../cli/harness.js';

/** The files of a full report set (the default `--format json,junit,md`). */
export const REPORT_FILES = ['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md'] as const;
/** The lock a run holds in its report folder while it runs. */
export const LOCK_FILE = '.rnn-jac-spec.lock';

/** Path of a hostile fixture, relative to the repo root (as a user would type it). */
export function hostile(name: string): string {
  return `./test/hostile/fixtures/${name}`;
}

/** One finished CLI run, with its report folder and wall time. */
export interface HostileRun extends CliRun {
  /** The `--report` folder. */ readonly dir: string;
  /** Wall time of the run, ms. */ readonly ms: number;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** The `--report` folder (default: a fresh one). */ readonly dir?: string;
  /** Environment additions (see cli()). */ readonly env?: Record<string, string | undefined>;
  /** Kill the CLI after this long (default 60 s). */ readonly timeoutMs?: number;
}

/**
 * Runs the CLI with `args`, adding `--report DIR` unless `args` names one.
 * @returns the run; `dir` is the folder given
 */
export function runCli(args: readonly string[], o: RunOptions = {}): HostileRun {
  const dir = o.dir ?? reportDir();
  const withReport = args.some((a) => a === '--report' || a.startsWith('--report=')) ? args : [...args, '--report', dir];
  const started = Date.now();
  const r = cli(withReport, o.env, o.timeoutMs);
  return { ...r, dir, ms: Date.now() - started };
}

/** Runs the CLI on the hostile fixture `name` with `args` (see {@link runCli}). */
export function runAdapter(name: string, args: readonly string[], o: RunOptions = {}): HostileRun {
  return runCli(['--adapter', hostile(name), ...args], o);
}

/**
 * Asserts the whole report set of a run whose adapter never started (it could not load, its
 * declaration broke the contract, it hung): no unit, and a fault during `start` that says why.
 */
export function expectStartFault(dir: string): RunResult {
  const report = expectReportSet(dir);
  expect(report.results).toEqual([]);
  expect(report.faults?.map((f) => f.during)).toEqual(['start']);
  return report;
}

/** Entries of `dir` that are temporary files or folders of a run. */
export function tempEntries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : [];
}

/**
 * Asserts the whole report set is in `dir`, no temporary entry is left, the lock is released (unless
 * `lockMayRemain`: a run killed with SIGKILL cannot release it), and the JSON parses.
 * @returns the JSON report
 */
export function expectReportSet(dir: string, lockMayRemain = false): RunResult {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  for (const f of REPORT_FILES) expect(names, `report folder ${dir}`).toContain(f);
  expect(tempEntries(dir), `temporary entries in ${dir}`).toEqual([]);
  if (!lockMayRemain) expect(names, `lock left in ${dir}`).not.toContain(LOCK_FILE);
  return JSON.parse(readFileSync(join(dir, REPORT_FILES[0]), 'utf8')) as RunResult;
}

/** Asserts `dir` (which may not exist) holds no report file, no temporary entry and no lock. */
export function expectNoReports(dir: string): void {
  const names = existsSync(dir) ? readdirSync(dir) : [];
  expect(
    names.filter((n) => n.startsWith('rnn-jac-spec')),
    `report files in ${dir}`,
  ).toEqual([]);
  expect(tempEntries(dir), `temporary entries in ${dir}`).toEqual([]);
  expect(names, `lock left in ${dir}`).not.toContain(LOCK_FILE);
}

/** Total size in bytes of the files under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}

/** The failing results of a report. */
export function failed(report: RunResult): PropertyResult[] {
  return report.results.filter((r) => r.verdict === 'fail');
}

/** The counterexample failure of the one failing result of `property` (asserted to exist). */
export function failureOf(report: RunResult, property: string): CaseFailureData {
  const r = report.results.filter((x) => x.property === property && x.verdict === 'fail');
  expect(r.length, `failing results of ${property}`).toBeGreaterThan(0);
  const failure = r[0].counterexample?.failure;
  expect(failure, `counterexample of ${property}`).toBeDefined();
  return failure!;
}

/** Asserts stdout carries no workflow command line and no escape character (adapter text made safe). */
export function expectCleanStdout(stdout: string): void {
  expect(
    stdout.split('\n').filter((l) => l.trimStart().startsWith('::')),
    'stdout lines starting with :: (after spaces)',
  ).toEqual([]);
  expect(stdout.includes('\u001b'), 'ESC in stdout').toBe(false);
}

/** How a live child ended. */
export interface Ended {
  /** Exit code (null when a signal ended it). */ readonly code: number | null;
  /** The signal that ended it, if one did. */ readonly signal: NodeJS.Signals | null;
  /** What it wrote. */ readonly stdout: string;
  readonly stderr: string;
}

/** A CLI run in progress. */
export interface LiveCli {
  /** The child process. */ readonly child: ChildProcess;
  /** The `--report` folder. */ readonly dir: string;
  /** Resolves when it has exited. */ readonly ended: Promise<Ended>;
  /** What it has written to stderr so far. */ stderr(): string;
  /** What it has written to stdout so far. */ stdout(): string;
}

/**
 * Starts the CLI with `args` (plus `--report DIR` unless given) as a live child: stdout and stderr
 * are pipes; `closeStdout` closes the read side of stdout at once, so that every write of the CLI to
 * it meets EPIPE.
 */
export function startCli(args: readonly string[], o: { dir?: string; closeStdout?: boolean; env?: Record<string, string> } = {}): LiveCli {
  const dir = o.dir ?? reportDir();
  const withReport = args.includes('--report') ? args : [...args, '--report', dir];
  const child = spawn(process.execPath, [CLI, ...withReport], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
  let stdout = '';
  let stderr = '';
  if (o.closeStdout === true) child.stdout!.destroy();
  else child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, dir, ended, stderr: () => stderr, stdout: () => stdout };
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `cond` every 50 ms until it holds (true) or `timeoutMs` has passed (false). */
export async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (cond()) return true;
    if (Date.now() > deadline) return false;
    await delay(50);
  }
}

/** One line of `ps -eo pid,ppid,stat,args`. */
export interface Proc {
  /** Process id, parent id. */ readonly pid: number;
  readonly ppid: number;
  /** State (Z: a zombie, already dead). */ readonly stat: string;
  /** Command line. */ readonly args: string;
}

/** Every process on the machine, zombies left out (they have exited, only their entry remains). */
export function processes(): Proc[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return out.split('\n').flatMap((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    return m === null || m[3].startsWith('Z') ? [] : [{ pid: Number(m[1]), ppid: Number(m[2]), stat: m[3], args: m[4] }];
  });
}

/** The live descendants of `pid` (children, their children …). */
export function descendants(pid: number, all: readonly Proc[] = processes()): Proc[] {
  const out: Proc[] = [];
  const frontier = [pid];
  while (frontier.length > 0) {
    const p = frontier.pop()!;
    for (const c of all) if (c.ppid === p) out.push(c), frontier.push(c.pid);
  }
  return out;
}

/**
 * Which of the processes `before` (recorded while they ran) still run with the same command line:
 * a pid reused by another program since does not count.
 */
export function survivors(before: readonly Proc[]): Proc[] {
  const now = processes();
  return before.filter((b) => now.some((p) => p.pid === b.pid && p.args === b.args));
}
