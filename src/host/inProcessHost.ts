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
import { invokeAdapter, settleInputs, threwFailure } from './invokeAdapter.js';
import { RecentInputs, SETTLE_MS } from './recentInputs.js';
import { describeAdapter } from './startAdapter.js';

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
  const onFault =
    (what: string) =>
    (err: unknown): void => {
      if (current !== undefined)
        current.fail({ ok: false, failure: threwFailure(current.method, err, `${what} in adapter code during adapter.${current.method}:`) });
      else
        faults.push({
          during: lastMethod === undefined ? 'before the first call' : `after adapter.${lastMethod} returned`,
          message: `${what} in adapter code: ${errorText(err)}`,
        });
    };
  const onException = onFault('an uncaught exception');
  const onRejection = onFault('an unhandled rejection');
  if (o.catchFaults === true) {
    process.on('uncaughtException', onException);
    process.on('unhandledRejection', onRejection);
  }
  let busy: Promise<unknown> = Promise.resolve();
  /** The last calls that returned, compared again for writes made after they returned. */
  const recent = new RecentInputs();
  /** When the last call returned (performance.now()): the end's wait for late writes runs from there. */
  let lastAnswered = 0;

  const callOnce = async (request: CallRequest, timeoutMs: number): Promise<CallOutcome> => {
    const pending = faults.shift();
    if (pending !== undefined)
      return { ok: false, failure: { kind: 'threw', quantity: request.method, summary: `${pending.message} (${pending.during}; this call was not made)` } };
    const late = recent.laterWrite(request.method);
    if (late !== undefined) return { ok: false, failure: late };
    const realExit = process.exit;
    process.exit = ((code?: number) => {
      throw new Error(`adapter code called process.exit(${code ?? ''}), which --isolation none does not allow`);
    }) as typeof process.exit;
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    try {
      const outcome = await new Promise<CallOutcome>((resolve) => {
        current = { method: request.method, fail: resolve };
        timer = setTimeout(
          () =>
            resolve({
              ok: false,
              failure: { kind: 'timeout', quantity: request.method, summary: `adapter.${request.method} did not return within ${timeoutMs} ms (--timeout)` },
            }),
          timeoutMs,
        );
        void invokeAdapter(adapter, request).then((inv) => {
          const outcome = settleInputs(request, inv);
          if (inv.inputs !== undefined && (outcome.ok || outcome.failure.kind !== 'mutated-input')) recent.keep(request, inv.inputs);
          resolve(outcome);
        });
      });
      const took = performance.now() - started;
      // A call that blocked the thread could not be interrupted: it is timed when it returns.
      if (outcome.ok && took > timeoutMs)
        return {
          ok: false,
          failure: {
            kind: 'timeout',
            quantity: request.method,
            summary: `adapter.${request.method} took ${Math.round(took)} ms, more than ${timeoutMs} ms (--timeout)`,
          },
        };
      return outcome;
    } finally {
      clearTimeout(timer);
      current = undefined;
      lastMethod = request.method;
      lastAnswered = performance.now();
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
      // Time first for writes the last calls left on timers to land, SETTLE_MS from the last return;
      // faults raised meanwhile are kept.
      const wait = SETTLE_MS - (performance.now() - lastAnswered);
      if (!recent.empty && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const out = faults.splice(0);
      const late = recent.laterWrite();
      if (late !== undefined) out.push({ during: 'after the last calls returned', message: late.summary });
      if (typeof adapter.dispose === 'function') {
        let timer: NodeJS.Timeout | undefined;
        try {
          const timedOut = await Promise.race([
            Promise.resolve()
              .then(() => adapter.dispose!())
              .then(() => false),
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
