// The framework's share of a run's wall time, measured from outside the runner: the time inside the
// adapter's member calls (scripts/timed-adapter.mjs wraps them) over the wall time of the whole CLI
// process, start-up included; also over the span from the first call's start to the last call's end
// (the steady state, without start-up and reports).
//   node scripts/framework-share.mjs ADAPTER [CLI options…]
//   e.g. node scripts/framework-share.mjs tfjs --backend cpu --variant grads --properties step-jacobian
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [inner, ...given] = process.argv.slice(2);
const json = given.includes('--json');
const args = given.filter((a) => a !== '--json');
if (inner === undefined) {
  console.error('usage: node scripts/framework-share.mjs ADAPTER [rnn-jac-spec options…]');
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
  if (json) console.log(JSON.stringify({ wallMs, adapterMs, calls, factoryMs, spanMs, cases, ...phases }));
  else
    console.log(
      `${inner} ${args.join(' ')}: wall ${(wallMs / 1000).toFixed(2)} s, inside the adapter ${(adapterMs / 1000).toFixed(2)} s in ${calls} calls, share ${(adapterMs / wallMs).toFixed(3)}, with the adapter's factory (${(factoryMs / 1000).toFixed(2)} s) ${((adapterMs + factoryMs) / wallMs).toFixed(3)}, of the span from the first call to the last (${(spanMs / 1000).toFixed(2)} s) ${(adapterMs / spanMs).toFixed(3)} (exit ${r.status}; ${summary}); start to factory ${(phases.beforeFactoryMs / 1000).toFixed(2)} s, factory start to first call ${(phases.factoryToFirstCallMs / 1000).toFixed(2)} s, last call to exit ${(phases.afterLastCallMs / 1000).toFixed(2)} s`,
    );
} catch {
  console.error(`no timing was written (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
