/**
 * `--isolation none`: the adapter runs in the runner's own process, for adapters that cannot run
 * elsewhere and for the vitest integration. The adapter still gets private copies of every input,
 * which are compared after each call, and `process.exit` during a call fails the call instead of
 * ending the run. What this mode cannot do: interrupt a call that blocks the thread (it is timed
 * when it returns) or survive a crash of native code.
 * @packageDocumentation
 */
import type { Adapter } from '../contract.js';
import { errorText } from '../text/safeText.js';
import type { AdapterHost, HostFault } from './adapterHost.js';
import type { CallOutcome, CallRequest } from './callRequest.js';
import { invokeAdapter, laterWrite, settleInputs, threwFailure, type CallInputs } from './invokeAdapter.js';
import { describeAdapter } from './startAdapter.js';

/** Calls whose inputs are compared again at each later call. */
const RECENT_CALLS = 3;

/** Options of {@link inProcessHost}. */
export interface InProcessHostOptions {
  /**
   * Also catch uncaught exceptions and unhandled rejections while the host is open, failing the call
   * in progress (the CLI's `--isolation none` does; a test runner that has its own handlers does not).
   */
  readonly catchFaults?: boolean;
}

/**
 * Hosts an adapter object in this process.
 * @throws AdapterLoadError when it does not follow the contract or its info() fails
 */
export async function inProcessHost(adapter: Adapter, o: InProcessHostOptions = {}): Promise<AdapterHost> {
  const { declaration, info } = await describeAdapter(adapter);
  let current: { method: string; fail: (o: CallOutcome) => void } | undefined;
  let lastMethod: string | undefined;
  const faults: HostFault[] = [];
  const onFault = (what: string) => (err: unknown): void => {
    if (current !== undefined) current.fail({ ok: false, failure: threwFailure(current.method, err, `${what} in adapter code during adapter.${current.method}:`) });
    else faults.push({ during: lastMethod === undefined ? 'before the first call' : `after adapter.${lastMethod} returned`, message: `${what} in adapter code: ${errorText(err)}` });
  };
  const onException = onFault('an uncaught exception');
  const onRejection = onFault('an unhandled rejection');
  if (o.catchFaults === true) {
    process.on('uncaughtException', onException);
    process.on('unhandledRejection', onRejection);
  }
  let busy: Promise<unknown> = Promise.resolve();
  /**
   * The last calls that returned, with the inputs as the adapter got them, compared again at each
   * call: a write from a timer lands when the event loop next runs timers, which in this process may be
   * a call or two later.
   */
  let recent: { request: CallRequest; inputs: CallInputs }[] = [];
  const laterWrites = (method?: string) => {
    for (const r of recent) {
      const late = laterWrite(r.request, r.inputs, method);
      if (late !== undefined) return late;
    }
    return undefined;
  };

  const callOnce = async (request: CallRequest, timeoutMs: number): Promise<CallOutcome> => {
    const pending = faults.shift();
    if (pending !== undefined) return { ok: false, failure: { kind: 'threw', quantity: request.method, summary: `${pending.message} (${pending.during}; this call was not made)` } };
    const late = laterWrites(request.method);
    if (late !== undefined) {
      recent = [];
      return { ok: false, failure: late };
    }
    const realExit = process.exit;
    process.exit = ((code?: number) => {
      throw new Error(`adapter code called process.exit(${code ?? ''}), which --isolation none does not allow`);
    }) as typeof process.exit;
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    try {
      const outcome = await new Promise<CallOutcome>((resolve) => {
        current = { method: request.method, fail: resolve };
        timer = setTimeout(() => resolve({ ok: false, failure: { kind: 'timeout', quantity: request.method, summary: `adapter.${request.method} did not return within ${timeoutMs} ms (--timeout)` } }), timeoutMs);
        void invokeAdapter(adapter, request).then((inv) => {
          const outcome = settleInputs(request, inv);
          if (inv.inputs !== undefined && (outcome.ok || outcome.failure.kind !== 'mutated-input')) recent = [{ request, inputs: inv.inputs }, ...recent].slice(0, RECENT_CALLS);
          resolve(outcome);
        });
      });
      const took = performance.now() - started;
      // A call that blocked the thread could not be interrupted: it is timed when it returns.
      if (outcome.ok && took > timeoutMs) return { ok: false, failure: { kind: 'timeout', quantity: request.method, summary: `adapter.${request.method} took ${Math.round(took)} ms, more than ${timeoutMs} ms (--timeout)` } };
      return outcome;
    } finally {
      clearTimeout(timer);
      current = undefined;
      lastMethod = request.method;
      process.exit = realExit;
    }
  };

  return {
    isolation: 'none',
    declaration,
    info,
    call(request, timeoutMs) {
      const result = busy.then(() => callOnce(request, timeoutMs));
      busy = result.catch(() => undefined);
      return result;
    },
    async close(timeoutMs) {
      await busy;
      const out = faults.splice(0);
      // One turn of the timers first, so that a write the last call left on a timer has landed.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const late = laterWrites();
      if (late !== undefined) out.push({ during: 'after the last calls returned', message: late.summary });
      recent = [];
      if (typeof adapter.dispose === 'function') {
        let timer: NodeJS.Timeout | undefined;
        try {
          const timedOut = await Promise.race([
            Promise.resolve().then(() => adapter.dispose!()).then(() => false),
            new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
          ]);
          if (timedOut) out.push({ during: 'adapter.dispose()', message: `adapter.dispose() did not return within ${timeoutMs} ms (--timeout)` });
        } catch (e) {
          out.push({ during: 'adapter.dispose()', message: `adapter.dispose() threw ${errorText(e)}` });
        } finally {
          clearTimeout(timer);
        }
      }
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
      return out;
    },
    kill() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}
