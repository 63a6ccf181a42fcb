/**
 * Time per adapter call at fixed sizes n = 8 and n = 64 (T = 16 for sequences), for the reference
 * and each tfjs backend that starts here. Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { loadAdapter } from '../src/adapters/loadAdapter.js';
import type { Adapter } from '../src/contract.js';
import { fixedLossCase, fixedStepCase } from './fixedCases.js';

const T = 16;
const SIZES = [8, 64];

/** Adapters to time: spec and options. A backend that cannot start here is left out, with a note. */
const TARGETS: readonly { label: string; spec: string; options: Record<string, string> }[] = [
  { label: 'reference', spec: 'reference', options: {} },
  { label: 'tfjs cpu', spec: 'tfjs', options: { backend: 'cpu' } },
  { label: 'tfjs wasm', spec: 'tfjs', options: { backend: 'wasm' } },
  { label: 'tfjs webgpu', spec: 'tfjs', options: { backend: 'webgpu' } },
];

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
      for (const n of SIZES) {
        const step = { ...fixedStepCase(n, form, 'float32'), variant };
        const loss = { ...fixedLossCase(n, T, form, 'float32'), variant };
        bench(`stepJacobian n=${n}`, async () => { await a.stepJacobian(step); });
        if (a.sequenceJacobian) bench(`sequenceJacobian n=${n} T=${T}`, async () => { await a.sequenceJacobian!(loss); });
        if (a.parameterGradients) bench(`parameterGradients n=${n} T=${T}`, async () => { await a.parameterGradients!(loss); });
        if (a.forward) bench(`forward n=${n} T=${T}`, async () => { await a.forward!(loss); });
      }
    });
  }
}
