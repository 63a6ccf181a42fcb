// An adapter that wraps another and times every call of its members, for measuring the framework's
// share of a run's wall time from outside the runner (scripts/framework-share.mjs). Options:
// `inner` (a built-in adapter name or a module path), `timing-file` (where the total is written
// when the run disposes the adapter), `record-file` (optional: where every call's member and
// arguments are written, for scripts/replay-calls.mjs); every other option goes to the inner
// adapter's factory.
import { writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const MEMBERS = ['stepJacobian', 'inputJacobian', 'sequenceJacobian', 'parameterGradients', 'vjp', 'jvp', 'forward'];

export default async function createTimedAdapter(options) {
  const { inner, 'timing-file': file, 'record-file': recordFile, ...rest } = options;
  const builtin = new URL(`../dist/adapters/${inner}/index.js`, import.meta.url);
  const href = /^[\w-]+$/.test(inner) ? builtin.href : pathToFileURL(resolve(inner)).href;
  const t0 = performance.now();
  const mod = await import(href);
  const adapter = await mod.default(rest);
  const factoryMs = performance.now() - t0;
  let ms = 0;
  let calls = 0;
  // The span from the first call's start to the last call's end: the run without its start-up.
  let first;
  let last = 0;
  /** Every call's member and a copy of its arguments, made before the call (outside the timing). */
  const recorded = recordFile === undefined ? undefined : [];
  const timed = { ...adapter };
  for (const m of MEMBERS) {
    if (typeof adapter[m] !== 'function') continue;
    timed[m] = async (...args) => {
      recorded?.push({ method: m, args: structuredClone(args) });
      const t0 = performance.now();
      first ??= t0;
      try {
        return await adapter[m](...args);
      } finally {
        last = performance.now();
        ms += last - t0;
        calls++;
      }
    };
  }
  // Bound like the inner adapter's own members (info, dispose) so `this` still works.
  for (const k of ['info', 'dispose']) if (typeof adapter[k] === 'function') timed[k] = adapter[k].bind(adapter);
  timed.dispose = async () => {
    writeFileSync(
      file,
      JSON.stringify({
        adapterMs: ms,
        calls,
        factoryMs,
        spanMs: first === undefined ? 0 : last - first,
        // Wall-clock times (ms since the epoch), for a timeline against the CLI's start and end.
        factoryStartAt: performance.timeOrigin + t0,
        firstCallAt: performance.timeOrigin + (first ?? 0),
        lastCallAt: performance.timeOrigin + last,
      }),
    );
    if (recorded !== undefined) writeFileSync(recordFile, serialize({ module: href, options: rest, calls: recorded }));
    if (typeof adapter.dispose === 'function') await adapter.dispose();
  };
  return timed;
}
