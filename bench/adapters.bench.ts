/**
 * Time per adapter call at fixed sizes n = 8, 64 and 256 (T = 16 for sequences), for the reference
 * and each tfjs backend and ONNX Runtime provider that starts here. Run with `npm run bench`;
 * `BENCH=onnxruntime npm run bench` times only the targets whose label contains "onnxruntime".
 */
import { bench, describe } from 'vitest';
import { loadAdapter } from '../src/adapters/loadAdapter.js';
import type { Adapter } from '../src/contract.js';
import { fixedLossCase, fixedStepCase } from './fixedCases.js';

const T = 16;
const SIZES = [8, 64, 256];

/** Adapters to time: spec and options. A backend that cannot start here is left out, with a note. */
interface BenchTarget { label: string; spec: string; options: Record<string, string> }
const ALL: readonly BenchTarget[] = [
  { label: 'reference', spec: 'reference', options: {} },
  { label: 'tfjs cpu', spec: 'tfjs', options: { backend: 'cpu' } },
  { label: 'tfjs wasm', spec: 'tfjs', options: { backend: 'wasm' } },
  { label: 'tfjs webgpu', spec: 'tfjs', options: { backend: 'webgpu' } },
  { label: 'onnxruntime cpu', spec: 'onnxruntime', options: { backend: 'cpu' } },
  { label: 'onnxruntime webgpu', spec: 'onnxruntime', options: { backend: 'webgpu' } },
];
const TARGETS = ALL.filter((t) => process.env.BENCH === undefined || t.label.includes(process.env.BENCH));

for (const t of TARGETS) {
  let adapter: Adapter | undefined;
  try {
    adapter = await loadAdapter(t.spec, t.options);
  } catch (err) {
    console.warn(`bench: ${t.label} left out: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (adapter === undefined) continue;
  const a = adapter;
  const variants = a.variants ?? [undefined];
  for (const variant of variants) {
    const form = variant !== undefined && a.variantScopes?.[variant]?.forms?.[0] || 'pascanu';
    describe(`${t.label}${variant !== undefined ? ` ${variant}` : ''} (${form})`, () => {
      // What this variant offers (its scope's capabilities, else everything the adapter has).
      const only = variant !== undefined ? a.variantScopes?.[variant]?.capabilities : undefined;
      const offers = (m: 'sequenceJacobian' | 'parameterGradients' | 'forward'): boolean => typeof a[m] === 'function' && (only === undefined || only.includes(m));
      for (const n of SIZES) {
        const step = { ...fixedStepCase(n, form, 'float32'), variant };
        const loss = { ...fixedLossCase(n, T, form, 'float32'), variant };
        bench(`stepJacobian n=${n}`, async () => { await a.stepJacobian(step); });
        if (offers('sequenceJacobian')) bench(`sequenceJacobian n=${n} T=${T}`, async () => { await a.sequenceJacobian!(loss); });
        if (offers('parameterGradients')) bench(`parameterGradients n=${n} T=${T}`, async () => { await a.parameterGradients!(loss); });
        if (offers('forward')) bench(`forward n=${n} T=${T}`, async () => { await a.forward!(loss); });
      }
    });
  }
}
