/**
 * The adapters `npm run bench` times, by label; `BENCH=text` keeps the targets whose label contains
 * it (e.g. `BENCH=onnxruntime`, `BENCH="jax-js wasm"`). jax-js's cpu device is an interpreter
 * (seconds per n = 64 call) and is left out.
 * @packageDocumentation
 */

/** One adapter and backend to time. */
export interface BenchTarget {
  /** Label for reports. */ readonly label: string;
  /** `--adapter` and its options. */ readonly spec: string;
  readonly options: Readonly<Record<string, string>>;
}

/** Every target, in report order. */
export const benchTargets: readonly BenchTarget[] = [
  { label: 'reference', spec: 'reference', options: {} },
  { label: 'tfjs cpu', spec: 'tfjs', options: { backend: 'cpu' } },
  { label: 'tfjs wasm', spec: 'tfjs', options: { backend: 'wasm' } },
  { label: 'tfjs webgpu', spec: 'tfjs', options: { backend: 'webgpu' } },
  { label: 'onnxruntime cpu', spec: 'onnxruntime', options: { backend: 'cpu' } },
  { label: 'onnxruntime webgpu', spec: 'onnxruntime', options: { backend: 'webgpu' } },
  { label: 'jax-js wasm', spec: 'jax-js', options: { backend: 'wasm' } },
  { label: 'jax-js webgpu', spec: 'jax-js', options: { backend: 'webgpu' } },
];

/** The targets BENCH selects (all when unset). */
export function chosenTargets(filter = process.env.BENCH): BenchTarget[] {
  return benchTargets.filter((t) => filter === undefined || filter === '' || t.label.includes(filter));
}
