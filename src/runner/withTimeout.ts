import { CaseFailure } from '../check/caseFailure.js';
import type { MaybePromise } from '../contract.js';

/**
 * Runs an adapter call: a throw or rejection becomes a `threw` failure of the case, and a promise
 * still pending after `timeoutMs` a `timeout` failure. (A call that blocks the event loop cannot be
 * interrupted from the same thread; it is timed when it returns.)
 */
export async function withTimeout<T>(what: string, timeoutMs: number, f: () => MaybePromise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const result = await Promise.race([
      Promise.resolve().then(f),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeoutFailure(what, timeoutMs)), timeoutMs);
      }),
    ]);
    const took = performance.now() - started;
    if (took > timeoutMs) throw timeoutFailure(what, timeoutMs, took);
    return result;
  } catch (err) {
    if (err instanceof CaseFailure) throw err;
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const stack = topFrames(err);
    throw new CaseFailure({ kind: 'threw', quantity: what, summary: `adapter.${what} threw ${message}`, ...(stack !== undefined ? { stack } : {}) });
  } finally {
    clearTimeout(timer);
  }
}

function timeoutFailure(what: string, timeoutMs: number, took?: number): CaseFailure {
  const detail = took === undefined ? `did not finish within ${timeoutMs} ms` : `took ${Math.round(took)} ms, more than ${timeoutMs} ms`;
  return new CaseFailure({ kind: 'timeout', quantity: what, summary: `adapter.${what} ${detail} (--timeout)` });
}

/** Frames shown for an error an adapter threw: enough to see which framework function threw. */
const FRAMES = 8;

/** The first {@link FRAMES} "at …" lines of an error's stack, or undefined when it has none. */
function topFrames(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.stack === undefined) return undefined;
  // Paths relative to the working directory: reports are shared, the machine's layout is not news.
  const prefix = `${process.cwd()}/`;
  const frames = err.stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, FRAMES)
    .map((l) => l.trim().split(prefix).join(''));
  return frames.length > 0 ? frames.join('\n') : undefined;
}
