/**
 * One adapter host process and the messages to and from it: spawning it in a process group of its
 * own, killing that group, waiting for a message, and starting the adapter in it. Light on imports,
 * so that the CLI can spawn the host before it loads the rest of the runner (earlyHost.ts).
 * @packageDocumentation
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { packageRoot } from '../spec/packageRoot.js';
import { safeLine } from '../text/safeText.js';
import { LAST_WORDS_FD, type FromHost, type LastWords, type ToHost } from './hostMessages.js';
import { PARENT_ENV } from './parentWatchdog.js';
import { forwardOutput, type OutputSink } from './forwardOutput.js';

/** The host program: next to this file once built; from a source checkout, the built copy. */
function hostProgram(): string {
  const here = fileURLToPath(new URL('./hostMain.js', import.meta.url));
  return existsSync(here) ? here : join(packageRoot(), 'dist', 'src', 'host', 'hostMain.js');
}

/** How long Node itself may take to start the host program (before the adapter's clock runs). */
export const HOST_BOOT_MS = 60_000;

/** Every live host child of this process, killed when it exits. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) killGroup(c);
});

/** Why the runner killed a host, when it did so for something the host sent (see {@link guardChannel}). */
const killedFor = new WeakMap<ChildProcess, string>();

/**
 * Whether an uncaught exception is Node failing to parse what a host wrote onto its IPC channel: adapter
 * code can write any bytes to the channel's file descriptor, and Node throws from the channel's read
 * callback, which makes it an uncaught exception of the runner.
 */
function isChannelGarbage(err: unknown): boolean {
  return (
    err instanceof Error && typeof err.stack === 'string' && /\bat (?:parseChannelMessages|channel\.onread) \(node:internal\/child_process/.test(err.stack)
  );
}

let guarded = false;
/**
 * Turns bytes on a host's channel that are not a message into that host's failure: every live host is
 * killed (a run has one at a time) and the call in progress fails with the reason, instead of the
 * runner dying without its reports. Any other uncaught exception ends the runner as Node would, unless
 * another handler (a test runner's) takes it.
 */
function guardChannel(): void {
  if (guarded) return;
  guarded = true;
  process.on('uncaughtException', (err) => {
    if (isChannelGarbage(err)) {
      for (const c of live) {
        killedFor.set(
          c,
          `the adapter host wrote bytes onto the runner's channel that are not a message (${safeLine((err as Error).message, 200)}): adapter code wrote to the channel's file descriptor, and the host was killed`,
        );
        killGroup(c);
      }
      return;
    }
    if (process.listenerCount('uncaughtException') > 1) return;
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

/**
 * Kills a host and every process it started that stayed in its process group (the host leads one):
 * a framework's helper, or a `sleep` an adapter spawned, must not outlive the run or hold its pipes.
 */
export function killGroup(c: ChildProcess): void {
  try {
    if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
  } catch {
    c.kill('SIGKILL');
  }
}

/** Most bytes of "last words" read: one honest line is short; more is adapter code writing to the pipe. */
const MAX_LAST_WORDS = 4096;

/** One child process with its adapter started. */
export interface Child {
  readonly proc: ChildProcess;
  /** Resolves when the process has exited, with how. */ readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the patched process.exit wrote, if anything. */ lastWords(): LastWords | undefined;
  /** The last lines the adapter printed (for start-up errors). */ tail(): string[];
  /** Results that arrived before their call was awaited (a call posted ahead), by id. */ readonly results: Map<number, unknown>;
  /** The ids of the calls posted and not yet answered: a result for any other id is dropped. */ readonly awaited: Set<number>;
  /** Why the runner killed this host for what it sent, if it did. */ killedFor(): string | undefined;
}

/** Spawns a host process (its adapter not yet started); the adapter's output goes to `output`. */
export function spawnChild(output?: OutputSink): Child {
  guardChannel();
  const proc = fork(hostProgram(), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'],
    env: { ...process.env, [PARENT_ENV]: String(process.pid) },
    // Its own process group, so that killing the host kills what adapter code started.
    detached: true,
    execArgv: process.execArgv.filter((a) => !a.startsWith('--inspect') && !a.startsWith('--cpu-prof') && !a.startsWith('--heap-prof')),
  });
  live.add(proc);
  const out = forwardOutput(output);
  out.attach(proc.stdout!);
  out.attach(proc.stderr!);
  let words = '';
  const lastWordsPipe = proc.stdio[LAST_WORDS_FD] as Readable;
  lastWordsPipe.on('data', (d: Buffer) => {
    if (words.length < MAX_LAST_WORDS) words += d.toString('utf8', 0, Math.min(d.length, MAX_LAST_WORDS - words.length));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => {
      live.delete(proc);
      // Whatever the host started goes with it; then let the pipes drain briefly and close them, since
      // a process that escaped the group may hold them open and would keep the runner alive.
      killGroup(proc);
      setImmediate(() => resolve({ code, signal }));
      setTimeout(() => {
        for (const p of [proc.stdout, proc.stderr, lastWordsPipe]) p?.destroy();
      }, 200).unref();
    });
  });
  proc.on('error', () => undefined); // a failed send or kill; the exit event tells the rest
  const results = new Map<number, unknown>();
  const awaited = new Set<number>();
  const answered = new Set<number>();
  let disposed = 0;
  /** The host answers each call once and disposes once: a second answer is adapter code writing onto the channel. */
  const forged = (what: string): void => {
    if (killedFor.has(proc)) return;
    killedFor.set(
      proc,
      `the adapter host sent ${what}: adapter code wrote messages of its own onto the runner's channel, so what it sent cannot be trusted, and the host was killed`,
    );
    killGroup(proc);
  };
  proc.on('message', (m: unknown) => {
    const r = m as { type?: unknown; id?: unknown } | null;
    if (r === null || typeof r !== 'object') return;
    if (r.type === 'disposed' && ++disposed > 1) forged('a second reply to dispose');
    if (r.type !== 'result' || typeof r.id !== 'number') return;
    // The first result for a call posted and not yet answered is kept; one for an id no call has is
    // dropped (kept, forged ones would pile up in the runner's memory).
    if (awaited.delete(r.id)) {
      answered.add(r.id);
      results.set(r.id, m);
    } else if (answered.has(r.id)) forged(`a second result for call ${r.id}`);
  });
  return {
    proc,
    results,
    awaited,
    killedFor: () => killedFor.get(proc),
    exited,
    lastWords: () => {
      try {
        const line = words.split('\n').find((l) => l.trim() !== '');
        if (line === undefined) return undefined;
        const w = JSON.parse(line) as Record<string, unknown>;
        // Written by the host's patched process.exit, or by adapter code writing to the pipe: read as untrusted.
        return {
          code: typeof w.code === 'number' && Number.isFinite(w.code) ? w.code : Number.NaN,
          ...(typeof w.during === 'string' ? { during: safeLine(w.during, 100) } : {}),
          ...(typeof w.at === 'string' ? { at: safeLine(w.at, 300) } : {}),
        };
      } catch {
        return undefined;
      }
    },
    tail: () => out.tail(),
  };
}

/** Why a host process ended, in words: who called exit and where, or the signal. */
export function endText(how: { code: number | null; signal: NodeJS.Signals | null }, words: LastWords | undefined, killedFor?: string): string {
  if (killedFor !== undefined) return killedFor;
  if (words !== undefined) return `adapter code called process.exit(${words.code})${words.at !== undefined ? ` ${words.at}` : ''}`;
  if (how.signal !== null)
    return `the adapter host was killed by ${how.signal}${how.signal === 'SIGSEGV' || how.signal === 'SIGBUS' || how.signal === 'SIGABRT' ? ' (a crash in native code)' : ''}`;
  return `the adapter host exited with code ${how.code}`;
}

/** Sends a message, never throwing (a dead child is noticed by its exit). */
export function post(c: Child, m: ToHost): void {
  if (m.type === 'call') c.awaited.add(m.id);
  try {
    c.proc.send(m);
  } catch {
    // The exit event follows.
  }
}

/** Waits for the first message of a type, the child's exit, or the deadline. */
export function awaitMessage<T extends FromHost['type']>(
  c: Child,
  types: readonly T[],
  timeoutMs: number,
  match?: (m: Extract<FromHost, { type: T }>) => boolean,
): Promise<{ message: Extract<FromHost, { type: T }> } | { exited: { code: number | null; signal: NodeJS.Signals | null } } | { timedOut: true }> {
  return new Promise((resolve) => {
    const onMessage = (m: FromHost): void => {
      if (m === null || typeof m !== 'object' || !(types as readonly string[]).includes(m.type)) return;
      const typed = m as Extract<FromHost, { type: T }>;
      if (match !== undefined && !match(typed)) return;
      done();
      resolve({ message: typed });
    };
    const timer = setTimeout(() => (done(), resolve({ timedOut: true })), timeoutMs);
    let waiting = true;
    // A listener per wait, removed with it (a reaction on `c.exited` per call would pile up for the
    // life of the host: one per case).
    const onExit = (): void =>
      void c.exited.then((exited) => {
        if (waiting) done(), resolve({ exited });
      });
    const done = (): void => {
      waiting = false;
      clearTimeout(timer);
      c.proc.off('message', onMessage);
      c.proc.off('exit', onExit);
    };
    c.proc.on('message', onMessage);
    c.proc.on('exit', onExit);
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) onExit();
  });
}

/** What the adapter is started with: `--adapter`, the factory's options, and where a relative path resolves. */
export interface StartMessage {
  readonly spec: string;
  readonly options: Readonly<Record<string, string>>;
  readonly cwd: string;
}

/** How a start ended: the host's reply (ready or start-failed), its exit, its deadline, or a host that never booted. */
export type StartReply =
  | Awaited<ReturnType<typeof awaitMessage<'ready' | 'start-failed'>>>
  | { readonly bootFailed: { exited: { code: number | null; signal: NodeJS.Signals | null } } | { timedOut: true } };

/**
 * Waits for the host to boot, then starts the adapter in it and waits for its reply, up to
 * `timeoutMs` (`--timeout`) from the start message: the host's own boot is not the adapter's time.
 */
export async function startIn(child: Child, start: StartMessage, timeoutMs: number): Promise<StartReply> {
  const boot = await awaitMessage(child, ['alive'], HOST_BOOT_MS);
  if (!('message' in boot)) return { bootFailed: boot };
  post(child, { type: 'start', spec: start.spec, options: start.options, cwd: start.cwd });
  return awaitMessage(child, ['ready', 'start-failed'], timeoutMs);
}

/** A host spawned and its adapter's start sent before the runner was loaded (earlyHost.ts), with what it was started with. */
export interface EarlyStart {
  readonly child: Child;
  readonly start: StartMessage;
  readonly timeoutMs: number;
  /** The host's reply to the start. */ readonly reply: Promise<StartReply>;
}

/** Spawns a host and starts the adapter in it, without waiting: the reply comes later (see {@link startProcessHost}). */
export function beginStart(start: StartMessage, timeoutMs: number, output?: OutputSink): EarlyStart {
  const child = spawnChild(output);
  return { child, start, timeoutMs, reply: startIn(child, start, timeoutMs) };
}
