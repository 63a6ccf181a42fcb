/**
 * Runs the BUILT CLI (`node dist/src/cli/main.js`) in a child process, as a user would, and helps the
 * CLI tests read what it left behind. The build is brought up to date once per test run (see
 * {@link ensureBuilt}); every run writes its reports into a fresh temp dir, never the repo's reports/.
 * @packageDocumentation
 */
import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../src/result.js';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI, as package.json's `bin` names it. */
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
/** The JSON report's file name inside `--report DIR`. */
export const JSON_REPORT = 'rnn-jac-spec.json';

/** What one CLI run gave. */
export interface CliRun {
  /** Exit code (null when killed, e.g. by the spawn timeout). */ readonly status: number | null;
  /** Everything written to stdout / stderr. */ readonly stdout: string;
  readonly stderr: string;
}

/** Newest modification time (ms) of the files under `dir` whose names match `re`. */
function newest(dir: string, re: RegExp): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, re));
    else if (re.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Whether dist/ is missing or older than a source it is built from. */
function stale(): boolean {
  if (!existsSync(CLI)) return true;
  const sources = Math.max(
    newest(join(ROOT, 'src'), /\.ts$/),
    newest(join(ROOT, 'adapters'), /\.ts$/),
    ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs),
  );
  return statSync(CLI).mtimeMs < sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `npm run build` when dist/ is missing or older than src/. Test files run in parallel workers,
 * so the build is serialized by a lock directory (mkdir is atomic): a second worker waits, then finds
 * dist/ fresh and skips the build, and never runs the CLI while tsc is rewriting it.
 */
export function ensureBuilt(): void {
  const lock = join(tmpdir(), `rnn-jac-spec-build-${createHash('md5').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a crashed worker is stale after two minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      sleep(200);
    }
  }
  try {
    if (stale()) {
      try {
        execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
      } catch (err) {
        // tsc reports its errors on stdout: show them.
        const e = err as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`npm run build failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
      }
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Runs `node dist/src/cli/main.js ...args` in the repo root. stdout and stderr are pipes (not TTYs).
 * `env` is added to the environment; a key set to undefined is removed from it.
 */
export function cli(args: readonly string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): CliRun {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: merged, encoding: 'utf8', timeout: timeoutMs });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDirs: string[] = [];

/** A path for `--report` in a fresh temp dir; the path itself does not exist yet (the CLI creates it). */
export function reportDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'rnn-jac-spec-cli-'));
  tempDirs.push(parent);
  return join(parent, 'reports');
}

/** Removes every temp dir {@link reportDir} made in this test file. */
export function removeReportDirs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The JSON report a run wrote into `dir`. */
export function readReport(dir: string): RunResult {
  return JSON.parse(readFileSync(join(dir, JSON_REPORT), 'utf8')) as RunResult;
}

/** The files in `dir` ([] when it does not exist). */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Path of a fixture adapter module, relative to the repo root (as a user would type it). */
export function fixture(name: string): string {
  return `./test/cli/fixtures/${name}`;
}
