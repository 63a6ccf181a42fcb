// The bare harness: imports an adapter, creates it and makes the calls a run recorded
// (scripts/timed-adapter.mjs `record-file`) back to back, in this one process, with nothing of the
// suite around them: no runner, no host boundary, no copies, no checks, cases read from the file
// instead of generated. Its framework share (time inside the calls over this process's wall time,
// measured from outside by scripts/framework-share.mjs --ceiling) is the most a harness that starts
// Node, imports the framework and makes those calls one at a time, as a run does, can reach on this
// machine without slowing the calls themselves.
//   node scripts/replay-calls.mjs RECORD-FILE   → prints {"adapterMs","calls","factoryMs"}
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';

const { module, options, calls } = deserialize(readFileSync(process.argv[2]));
const t0 = performance.now();
const adapter = await (await import(module)).default(options);
const factoryMs = performance.now() - t0;
let adapterMs = 0;
for (const { method, args } of calls) {
  const t = performance.now();
  try {
    await adapter[method](...args);
  } catch {
    // A call that throws took its time all the same; what it threw is the run's business, not this one's.
  }
  adapterMs += performance.now() - t;
}
if (typeof adapter.dispose === 'function') await adapter.dispose();
console.log(JSON.stringify({ adapterMs, calls: calls.length, factoryMs }));
