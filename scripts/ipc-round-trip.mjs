// The floor under the adapter host's cost per call (docs/benchmarks.md): a bare round trip of Node's
// IPC channel with the `advanced` serialization the host uses, carrying an n×n Float64Array each way.
// Usage: node scripts/ipc-round-trip.mjs
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === 'echo') {
  process.on('message', (m) => process.send(m));
} else {
  const child = fork(fileURLToPath(import.meta.url), ['echo'], { serialization: 'advanced' });
  for (const n of [8, 64, 256]) {
    const v = new Float64Array(n * n).map(Math.random);
    const roundTrip = () =>
      new Promise((resolve) => {
        child.once('message', resolve);
        child.send({ id: 1, v });
      });
    for (let k = 0; k < 200; k++) await roundTrip();
    const calls = n >= 256 ? 250 : 2000;
    const t = performance.now();
    for (let k = 0; k < calls; k++) await roundTrip();
    console.log(`n = ${n}: ${((performance.now() - t) / calls).toFixed(3)} ms per round trip`);
  }
  child.kill();
}
