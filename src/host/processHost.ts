/**
 * The default adapter host: the adapter runs in a child process that the runner supervises. Cases
 * go in and results come out by copy; a call that does not return within the timeout has its
 * process killed (a synchronous loop cannot be interrupted any other way) and the next call starts
 * a fresh one; an exit or crash fails the call in progress. The child watches the runner and dies
 * with it (parentWatchdog.ts), and the runner kills it on exit, so no host outlives a run.
 * @packageDocumentation
 */
import { AdapterLoadError } from '../adapters/loadAdapter.js';
import type { AdapterInfo } from '../contract.js';
import { safeLine, safeLines } from '../text/safeText.js';
import type { AdapterDeclaration } from './adapterDeclaration.js';
import type { AdapterHost, HostFault } from './adapterHost.js';
import type { CallOutcome, CallRequest } from './callRequest.js';
import { awaitMessage, beginStart, endText, HOST_BOOT_MS, killGroup, post, type Child, type EarlyStart } from './hostChild.js';
import type { FromHost } from './hostMessages.js';
import type { OutputSink } from './forwardOutput.js';
import { readHostFaults, readHostOutcome, readHostReady } from './hostReply.js';
import { SETTLE_MS } from './recentInputs.js';

/** What {@link startProcessHost} needs. */
export interface ProcessHostOptions {
  /** `--adapter`: a built-in name or a module path. */ readonly spec: string;
  /** The factory's options (`backend`, every `--opt`). */ readonly options: Readonly<Record<string, string>>;
  /** Milliseconds the factory and info() together may take (`--timeout`). */ readonly timeoutMs: number;
  /** Where the adapter's own stdout and stderr lines go (default: this process's stderr, marked). */ readonly output?: OutputSink;
  /** The working directory a relative adapter path is resolved against (default process.cwd()). */ readonly cwd?: string;
}

/** Calls posted to the host at once: the one it runs and those it starts next (see pipelineDepth in runProperty.ts). */
const MAX_POSTED = 10;

/** A call made and not yet answered: where and under which id it was posted, if it was. */
interface Pending {
  readonly request: CallRequest;
  readonly timeoutMs: number;
  /** Its id and the child it was posted to (undefined until posted). */ id?: number;
  child?: Child;
}

/** Waits for the result of call `id` (which may already have arrived), the child's exit, or the deadline. */
async function awaitResult(c: Child, id: number, timeoutMs: number): ReturnType<typeof awaitMessage<'result'>> {
  const early = c.results.get(id);
  if (early !== undefined) {
    c.results.delete(id);
    return { message: early as Extract<FromHost, { type: 'result' }> };
  }
  const r = await awaitMessage(c, ['result'], timeoutMs, (m) => m.id === id);
  c.results.delete(id);
  return r;
}

/** Whether an early start started what these options ask for (then it stands for starting them now). */
function sameStart(e: EarlyStart, o: ProcessHostOptions): boolean {
  const options = (x: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return (
    o.output === undefined &&
    e.start.spec === o.spec &&
    e.start.cwd === (o.cwd ?? process.cwd()) &&
    e.timeoutMs === o.timeoutMs &&
    options(e.start.options) === options(o.options)
  );
}

/** Starts a child and its adapter (or takes an early start of the same); rejects with an AdapterLoadError that says why it could not. */
async function startChild(
  o: ProcessHostOptions,
  early?: EarlyStart,
): Promise<{ child: Child; declaration: AdapterDeclaration; info: AdapterInfo | undefined }> {
  const { child, reply } = early ?? beginStart({ spec: o.spec, options: o.options, cwd: o.cwd ?? process.cwd() }, o.timeoutMs, o.output);
  const r = await reply;
  if ('bootFailed' in r) {
    killGroup(child.proc);
    const boot = r.bootFailed;
    throw new AdapterLoadError(
      `the adapter host process did not start${'exited' in boot ? ` (${endText(boot.exited, undefined)})` : ` within ${HOST_BOOT_MS} ms`}: ${child.tail().join(' / ') || 'it printed nothing'}`,
    );
  }
  if ('message' in r && r.message.type === 'ready') {
    const ready = readHostReady(r.message as unknown as Record<string, unknown>);
    if ('declaration' in ready) return { child, ...ready };
    killGroup(child.proc);
    throw new AdapterLoadError(`adapter '${safeLine(o.spec, 100)}' does not follow the contract: ${ready.problems}`);
  }
  killGroup(child.proc);
  const printed = child.tail().length > 0 ? `\n  The adapter printed:\n    ${child.tail().join('\n    ')}` : '';
  if ('message' in r) {
    const said = (r.message as unknown as Record<string, unknown>).message;
    throw new AdapterLoadError(safeLines(typeof said === 'string' ? said : 'the adapter could not start', 40, 500));
  }
  if ('timedOut' in r)
    throw new AdapterLoadError(
      `adapter '${safeLine(o.spec, 100)}' did not start within ${o.timeoutMs} ms (--timeout): its module, factory or info() did not return${printed}`,
    );
  throw new AdapterLoadError(
    `adapter '${safeLine(o.spec, 100)}' could not start: ${endText(r.exited, child.lastWords(), child.killedFor())} while it was starting${printed}`,
  );
}

/**
 * Starts the adapter in a supervised child process.
 * @throws AdapterLoadError when it cannot be loaded, created or described, or does not start in time
 */
export async function startProcessHost(o: ProcessHostOptions, early?: EarlyStart): Promise<AdapterHost> {
  // An early start of other options than these (the CLI's quick reading of argv differed) is dropped.
  const taken = early !== undefined && sameStart(early, o) ? early : undefined;
  if (early !== undefined && taken === undefined) killGroup(early.child.proc);
  const first = await startChild(o, taken);
  let child: Child | undefined = first.child;
  let nextId = 1;
  let lastMethod: string | undefined;
  /** Why the next call cannot be made: the host died between calls, or could not be restarted. */
  let pendingFault: HostFault | undefined;
  let broken: string | undefined;
  let busy: Promise<unknown> = Promise.resolve();
  /** Calls made and not yet answered, in order; the head is the one the host runs (or will). */
  const queue: Pending[] = [];
  /** Calls posted to the current child and not yet answered: a prefix of the queue. */
  const posted = (): number => queue.filter((e) => e.child !== undefined && e.child === child).length;

  const watchIdle = (c: Child): void => {
    void c.exited.then((how) => {
      if (child !== c || posted() > 0) return; // killed by us, replaced, or the call in flight reports it
      child = undefined;
      pendingFault = {
        during: lastMethod === undefined ? 'before the first call' : `after adapter.${lastMethod} returned`,
        message: `${endText(how, c.lastWords(), c.killedFor())} between calls`,
      };
    });
  };
  watchIdle(first.child);

  const restart = async (): Promise<string | undefined> => {
    try {
      const s = await startChild(o);
      if (JSON.stringify(s.declaration) !== JSON.stringify(first.declaration)) {
        killGroup(s.child.proc);
        return 'the restarted adapter declares other dtypes, activations, forms, variants or members than it did at the start';
      }
      child = s.child;
      watchIdle(s.child);
      return undefined;
    } catch (e) {
      return `the adapter host could not be restarted: ${e instanceof Error ? e.message : String(e)}`;
    }
  };

  /**
   * Posts the queued calls, in order, up to MAX_POSTED at once: the host queues them and starts each
   * the moment it answers the one before, so no round trip separates two calls. A call posted to a
   * host that was since replaced is posted again to the new one.
   */
  const pump = (): void => {
    const c = child;
    if (c === undefined || broken !== undefined || pendingFault !== undefined || c.proc.exitCode !== null || c.proc.signalCode !== null) return;
    let n = posted();
    for (const e of queue) {
      if (e.child === c) continue;
      if (n >= MAX_POSTED) return;
      e.id = nextId++;
      e.child = c;
      post(c, { type: 'call', id: e.id, request: e.request });
      n++;
    }
  };

  const callOnce = async (e: Pending): Promise<CallOutcome> => {
    const { request, timeoutMs } = e;
    const fail = (summary: string, kind: 'threw' | 'timeout' = 'threw'): CallOutcome => ({ ok: false, failure: { kind, quantity: request.method, summary } });
    if (broken !== undefined) return fail(broken);
    const fault = pendingFault;
    pendingFault = undefined;
    if (child === undefined) {
      const why = await restart();
      if (why !== undefined) return fail((broken = why));
    }
    if (fault !== undefined) return fail(`${fault.message} (${fault.during}); the adapter host was restarted and this call was not made`);
    const c = child!;
    // The head of the queue: posted by now unless its host was replaced (then pump posts it first).
    if (e.child !== c) pump();
    const r = await awaitResult(c, e.id!, timeoutMs);
    if ('message' in r) {
      lastMethod = request.method;
      return readHostOutcome(request, r.message as unknown as Record<string, unknown>);
    }
    child = undefined;
    if ('timedOut' in r) {
      killGroup(c.proc);
      return fail(
        `adapter.${request.method} did not return within ${timeoutMs} ms (--timeout); the adapter host was killed and is restarted for the next call`,
        'timeout',
      );
    }
    return fail(`${endText(r.exited, c.lastWords(), c.killedFor())} during adapter.${request.method}; the adapter host is restarted for the next call`);
  };

  return {
    isolation: 'process',
    declaration: first.declaration,
    info: first.info,
    call(request, timeoutMs) {
      // Outcomes in order; calls are posted ahead while one runs (pump), and each one's clock starts
      // when the one before is answered, which is when the host starts it.
      const e: Pending = { request, timeoutMs };
      queue.push(e);
      pump();
      const result = busy
        .then(() => callOnce(e))
        .finally(() => {
          queue.splice(queue.indexOf(e), 1);
          pump();
        });
      busy = result.catch(() => undefined);
      return result;
    },
    async close(timeoutMs) {
      await busy;
      const faults: HostFault[] = pendingFault !== undefined ? [pendingFault] : [];
      const c = child;
      child = undefined;
      if (c === undefined) return faults;
      post(c, { type: 'dispose' });
      // The host first waits SETTLE_MS for writes left on timers (recentInputs.ts), then disposes.
      const r = await awaitMessage(c, ['disposed'], timeoutMs + SETTLE_MS);
      if ('message' in r) {
        faults.push(...readHostFaults(r.message as unknown as Record<string, unknown>));
      } else if ('timedOut' in r) {
        killGroup(c.proc);
        faults.push({ during: 'adapter.dispose()', message: `adapter.dispose() did not return within ${timeoutMs} ms (--timeout)` });
      } else faults.push({ during: 'adapter.dispose()', message: `${endText(r.exited, c.lastWords(), c.killedFor())} during adapter.dispose()` });
      // Disconnecting ends a well-behaved host; one that lingers (a live handle) is killed.
      try {
        c.proc.disconnect();
      } catch {
        // Already gone.
      }
      const grace = setTimeout(() => killGroup(c.proc), 2000);
      await c.exited;
      clearTimeout(grace);
      // A second answer seen since (see hostChild.ts) discredits what the host sent, the reply to dispose included.
      const forged = c.killedFor();
      if (forged !== undefined && !faults.some((f) => f.message === forged)) faults.push({ during: 'the run', message: forged });
      return faults;
    },
    kill() {
      if (child !== undefined) killGroup(child.proc);
      child = undefined;
    },
  };
}
