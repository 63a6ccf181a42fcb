// Relative error, in float32 roundoffs (u = 2^-24), of tfjs's tanh and elu near 0 on each backend
// that starts here. It measured tfjs finding 2 ("WebGPU loses float32 accuracy in elementwise
// functions", reports/conformance/tfjs/FINDINGS.md).
// Usage: XDG_RUNTIME_DIR=/tmp node scripts/tfjs-unary-accuracy.mjs
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

tf.env().set('PROD', true);
const require = createRequire(import.meta.url);
const xs = [1e-1, 1e-2, 1e-3, 1e-4, 3e-5];
const u = 2 ** -24;
const rel = (got, want) => ((got - want) / Math.abs(want) / u).toFixed(1);

const backends = ['cpu'];
try {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
  backends.push('wasm');
} catch {
  console.log('wasm: not installed');
}
try {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  globalThis.navigator ??= {};
  Object.defineProperty(globalThis.navigator, 'gpu', { value: create([]), configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  backends.push('webgpu');
} catch {
  console.log('webgpu: not installed');
}

console.log(`x: ${xs.join(', ')}`);
for (const b of backends) {
  if (!(await tf.setBackend(b))) {
    console.log(`${b}: did not start`);
    continue;
  }
  const t = await tf.tanh(tf.tensor1d(xs)).data();
  const e = await tf.elu(tf.tensor1d(xs.map((x) => -x))).data();
  console.log(`${b}: tanh(x) ${xs.map((x, i) => rel(t[i], Math.tanh(x))).join(' ')} | elu(-x) ${xs.map((x, i) => rel(e[i], Math.expm1(-x))).join(' ')}`);
}
