// The framework's share of a run's wall time, measured from outside the runner: the time inside the
// adapter's member calls (scripts/timed-adapter.mjs wraps them) over the wall time of the whole CLI
// process, start-up included; also over the span from the first call's start to the last call's end
// (the steady state, without start-up and reports). With --ceiling, a second run records the calls
// and scripts/replay-calls.mjs makes them again, one at a time, in a bare process timed the same way:
// the share a harness that makes them one at a time cannot pass on this machine without slowing them
// (the replay starts Node and imports the framework too).
//   node scripts/framework-share.mjs ADAPTER [--ceiling] [--json] [CLI options…]
//   e.g. node scripts/framework-share.mjs tfjs --backend cpu --variant grads --properties step-jacobian
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [inner, ...given] = process.argv.slice(2);
const json = given.includes('--json');
const ceiling = given.includes('--ceiling');
const args = given.filter((a) => a !== '--json' && a !== '--ceiling');
if (inner === undefined) {
  console.error('usage: node scripts/framework-share.mjs ADAPTER [--ceiling] [--json] [rnn-jac-spec options…]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'rjs-share-'));
const file = join(dir, 'timing.json');
const backend = args.indexOf('--backend');
const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const adapter = fileURLToPath(new URL('./timed-adapter.mjs', import.meta.url));
const rest = backend >= 0 ? [...args.slice(0, backend), '--opt', `backend=${args[backend + 1]}`, ...args.slice(backend + 2)] : args;
const startAt = performance.timeOrigin + performance.now();
const t0 = performance.now();
const r = spawnSync(
  process.execPath,
  [cli, '--adapter', adapter, '--opt', `inner=${inner}`, '--opt', `timing-file=${file}`, '--report', join(dir, 'reports'), '--format', 'json', ...rest],
  { encoding: 'utf8' },
);
const wallMs = performance.now() - t0;

/** The bare replay of the same calls (a run that records them, then replay-calls.mjs), timed from outside. */
function measureCeiling() {
  const record = join(dir, 'calls.bin');
  const timing = join(dir, 'record-timing.json');
  const opts = ['--opt', `inner=${inner}`, '--opt', `timing-file=${timing}`, '--opt', `record-file=${record}`];
  spawnSync(process.execPath, [cli, '--adapter', adapter, ...opts, '--report', join(dir, 'record-reports'), '--format', 'json', ...rest], { encoding: 'utf8' });
  const replay = fileURLToPath(new URL('./replay-calls.mjs', import.meta.url));
  const t = performance.now();
  const r = spawnSync(process.execPath, [replay, record], { encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`the replay failed (exit ${r.status}): ${r.stderr}`);
  return { wallMs, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
}

try {
  const { adapterMs, calls, factoryMs, spanMs, factoryStartAt, firstCallAt, lastCallAt } = JSON.parse(readFileSync(file, 'utf8'));
  // Where the wall time goes outside the calls: before the factory, the factory to the first call, after the last call.
  const phases = {
    beforeFactoryMs: factoryStartAt - startAt,
    factoryToFirstCallMs: firstCallAt - factoryStartAt,
    afterLastCallMs: startAt + wallMs - lastCallAt,
  };
  const summary =
    r.stdout
      .trim()
      .split('\n')
      .filter((l) => /passed|failed/.test(l))
      .pop() ?? '';
  const cases = Number(/: (\d+) cases(?: \(shrinking included\))? in/.exec(summary)?.[1] ?? Number.NaN);
  const bare = ceiling ? measureCeiling() : undefined;
  if (json) console.log(JSON.stringify({ wallMs, adapterMs, calls, factoryMs, spanMs, cases, ...phases, ...(bare !== undefined ? { ceiling: bare } : {}) }));
  else {
    console.log(
      `${inner} ${args.join(' ')}: wall ${(wallMs / 1000).toFixed(2)} s, inside the adapter ${(adapterMs / 1000).toFixed(2)} s in ${calls} calls, share ${(adapterMs / wallMs).toFixed(3)}, with the adapter's factory (${(factoryMs / 1000).toFixed(2)} s) ${((adapterMs + factoryMs) / wallMs).toFixed(3)}, of the span from the first call to the last (${(spanMs / 1000).toFixed(2)} s) ${(adapterMs / spanMs).toFixed(3)} (exit ${r.status}; ${summary}); start to factory ${(phases.beforeFactoryMs / 1000).toFixed(2)} s, factory start to first call ${(phases.factoryToFirstCallMs / 1000).toFixed(2)} s, last call to exit ${(phases.afterLastCallMs / 1000).toFixed(2)} s`,
    );
    if (bare !== undefined)
      console.log(
        `  bare replay of the same calls (scripts/replay-calls.mjs): wall ${(bare.wallMs / 1000).toFixed(2)} s, inside the calls ${(bare.adapterMs / 1000).toFixed(2)} s in ${bare.calls} calls, factory ${(bare.factoryMs / 1000).toFixed(2)} s, share ${(bare.adapterMs / bare.wallMs).toFixed(3)} (the ceiling)`,
      );
  }
} catch (e) {
  if (e instanceof Error && e.message.startsWith('the replay failed')) {
    console.error(e.message);
    process.exitCode = 1;
  } else {
    console.error(`no timing was written (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
