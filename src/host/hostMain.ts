/**
 * The adapter host process: started by the runner ({@link startProcessHost}), it loads the adapter,
 * answers calls one at a time, and turns whatever adapter code does outside a call's promise (an
 * uncaught exception, an unhandled rejection, `process.exit`) into a failure the runner can report.
 * Its stdout and stderr are the adapter's: the runner forwards them, marked, to its own stderr.
 * @packageDocumentation
 */
import { writeSync } from 'node:fs';
import type { Adapter } from '../contract.js';
import { errorText, safeLine } from '../text/safeText.js';
import type { HostFault } from './adapterHost.js';
import { LAST_WORDS_FD, type FromHost, type LastWords, type ToHost } from './hostMessages.js';
import { invokeAdapter, settleInputs, threwFailure } from './invokeAdapter.js';
import type { CallOutcome } from './callRequest.js';
import { RecentInputs, SETTLE_MS } from './recentInputs.js';
import { watchParent } from './parentWatchdog.js';
import { startAdapter } from './startAdapter.js';

const send = process.send?.bind(process);
/** The built-in that lists what keeps the event loop busy, captured before any adapter code runs. */
const activeResources = process.getActiveResourcesInfo.bind(process);
const nextTurn = setImmediate;
/**
 * What the host holds open before the adapter loads (its channel, its stdio pipes; read at the end of
 * this module): at the end of a run, only resources beyond these (a timer, a pending read, a port) can
 * still run adapter code that writes into an input.
 */
let ownResources: readonly string[] = [];
if (send === undefined) {
  process.stderr.write('rnn-jac-spec: hostMain is started by the runner (with an IPC channel), not by hand\n');
  process.exit(2);
}
// Adapter code has no business with the runner's channel.
delete (process as { send?: unknown }).send;
watchParent();

const reply = (m: FromHost): void => {
  send(m);
};

let adapter: Adapter | undefined;
/** The call in progress: its id, member, and whether it has been answered. */
let current: { id: number; method: string; answered: boolean } | undefined;
let lastMethod: string | undefined;
/** When the last call was answered (performance.now()): the end's wait for late writes runs from there. */
let lastAnswered = 0;
/** The last calls that returned, compared again for writes made after they returned. */
const recent = new RecentInputs();
const pendingFaults: HostFault[] = [];
const queue: { id: number; request: Extract<ToHost, { type: 'call' }>['request'] }[] = [];

function answer(id: number, outcome: CallOutcome): void {
  if (current?.id !== id || current.answered) return;
  current.answered = true;
  reply({ type: 'result', id, outcome });
  lastMethod = current.method;
  lastAnswered = performance.now();
  current = undefined;
  setImmediate(next);
}

async function next(): Promise<void> {
  if (current !== undefined || adapter === undefined) return;
  const item = queue.shift();
  if (item === undefined) return;
  current = { id: item.id, method: item.request.method, answered: false };
  const fault = pendingFaults.shift();
  if (fault !== undefined) {
    answer(item.id, {
      ok: false,
      failure: { kind: 'threw', quantity: item.request.method, summary: `${fault.message} (${fault.during}; this call was not made)` },
    });
    return;
  }
  const late = recent.laterWrite(item.request.method);
  if (late !== undefined) {
    answer(item.id, { ok: false, failure: late });
    return;
  }
  // The inputs are compared here, with built-ins captured before the adapter was loaded (inputSnapshot.ts).
  const inv = await invokeAdapter(adapter, item.request, { sent: true });
  const outcome = settleInputs(item.request, inv);
  if (inv.inputs !== undefined && (outcome.ok || outcome.failure.kind !== 'mutated-input')) recent.keep(item.request, inv.inputs);
  answer(item.id, outcome);
}

/** Adapter code failed outside the promise of a call: fail the call in progress, or the next one. */
function fault(what: string, err: unknown): void {
  const message = `${what} in adapter code: ${errorText(err)}`;
  if (current !== undefined && !current.answered) {
    answer(current.id, { ok: false, failure: threwFailure(current.method, err, `${what} in adapter code during adapter.${current.method}:`) });
  } else {
    pendingFaults.push({ during: lastMethod === undefined ? 'before the first call' : `after adapter.${lastMethod} returned`, message });
  }
}
process.on('uncaughtException', (err) => fault('an uncaught exception', err));
process.on('unhandledRejection', (err) => fault('an unhandled rejection', err));

// process.exit from adapter code: say who called it, synchronously, then exit as asked.
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  const frame = new Error().stack
    ?.split('\n')
    .slice(2)
    .find((l) => !l.includes('/host/hostMain.'));
  const words: LastWords = {
    code: Number(code ?? process.exitCode ?? 0),
    ...(current !== undefined ? { during: `adapter.${current.method}` } : {}),
    ...(frame !== undefined ? { at: safeLine(frame.trim(), 300) } : {}),
  };
  try {
    writeSync(LAST_WORDS_FD, `${JSON.stringify(words)}\n`);
  } catch {
    // The runner learns of the exit from the exit event anyway.
  }
  return realExit(code as number);
}) as typeof process.exit;

// The runner closed the channel (the run ended) or died: end, with whatever adapter code started in
// this process group (the host leads one), so that nothing it left running outlives the run.
process.on('disconnect', () => {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // Not a group leader (started by hand): just exit.
  }
  realExit(0);
});

process.on('message', (m: ToHost) => {
  switch (m.type) {
    case 'start':
      void startAdapter(m.spec, { ...m.options }, m.cwd).then(
        (started) => {
          adapter = started.adapter;
          reply({ type: 'ready', declaration: started.declaration, info: started.info });
          void next();
        },
        (e: unknown) => reply({ type: 'start-failed', message: e instanceof Error ? e.message : errorText(e) }),
      );
      return;
    case 'call':
      queue.push({ id: m.id, request: m.request });
      void next();
      return;
    case 'dispose':
      void dispose().then((faults) => reply({ type: 'disposed', faults }));
      return;
  }
});

/** Whether adapter code left anything that can run later (a resource the host did not hold at its start). */
function adapterResources(): boolean {
  const own = [...ownResources];
  for (const r of activeResources()) {
    const k = own.indexOf(r);
    if (k < 0) return true;
    own.splice(k, 1);
  }
  return false;
}

async function dispose(): Promise<HostFault[]> {
  // Time first for writes the last calls left on timers to land, SETTLE_MS from the last answer (the
  // runner's own work since then counts), unless adapter code left nothing that could run; faults
  // raised meanwhile are kept.
  // One turn of the event loop first, so that the host's own `next` after the last answer has run.
  await new Promise((resolve) => nextTurn(resolve));
  const wait = SETTLE_MS - (performance.now() - lastAnswered);
  if (!recent.empty && wait > 0 && adapterResources()) await new Promise((resolve) => setTimeout(resolve, wait));
  const faults = pendingFaults.splice(0);
  const late = recent.laterWrite();
  if (late !== undefined) faults.push({ during: 'after the last calls returned', message: late.summary });
  try {
    if (typeof adapter?.dispose === 'function') await adapter.dispose();
  } catch (e) {
    faults.push({ during: 'adapter.dispose()', message: `adapter.dispose() threw ${errorText(e)}` });
  }
  return faults;
}

// The stdio pipes exist once read; the channel is listened to above.
void process.stdout;
void process.stderr;
ownResources = activeResources();
// The runner's clock for the adapter's start (--timeout) runs from here: our own start-up is not the adapter's.
reply({ type: 'alive' });
