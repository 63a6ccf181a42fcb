/**
 * `npm run bench` (not part of `npm test`; speed is never asserted): for each target of
 * benchTargets.ts that starts here and each of its variants, the harness overhead at n = 8, 64, 256
 * and T = 1, 16 (suiteOverhead.ts) and the one-step Jacobian by method (jacobianMethods.ts); the
 * adapter host's cost per call; the framework's share of a default run's wall time, measured from
 * outside (frameworkShare.ts); and the suite's own cost per step case by n (suiteScaling.ts). Written
 * to reports/bench.json and bench.md. BENCH=<name> runs one of them.
 */
import { join } from 'node:path';
import { it } from 'vitest';
import { loadAdapter } from '../src/adapters/loadAdapter.js';
import type { Adapter } from '../src/contract.js';
import { offers } from '../src/property/property.js';
import { scopeOf } from '../src/runner/run.js';
import { chosenTargets } from './benchTargets.js';
import { commit, machine, recordBench, recordHostCost, recordSection, type BenchVariant } from './benchReport.js';
import { measureShare, SHARE_RUNS } from './frameworkShare.js';
import { growthExponent, suiteScaling } from './suiteScaling.js';
import { jacobianMethods } from './jacobianMethods.js';
import { suiteOverhead, type OverheadCell, type TimedProperty } from './suiteOverhead.js';
import { hostCost } from './hostCost.js';
import { declarationOf } from '../src/host/adapterDeclaration.js';

const ROOT = join(import.meta.dirname, '..');
const SIZES = [8, 64, 256];
const LENGTHS = [1, 16];

it.each(chosenTargets().map((t) => [t.label, t] as const))('%s', async (label, t) => {
  let a: Adapter;
  try {
    a = await loadAdapter(t.spec, { ...t.options });
  } catch (err) {
    console.warn(`bench: ${label} left out: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return;
  }
  const ranAt = new Date().toISOString();
  const info = await a.info?.();
  const variants: BenchVariant[] = [];
  try {
    for (const variant of a.variants ?? [undefined]) {
      const { scope } = scopeOf(declarationOf(a), variant, 'float32');
      const target = { adapter: a.name, backend: info?.backend, variant, dtype: 'float32' as const };
      const overhead: OverheadCell[] = [];
      const cells: [TimedProperty, number][] = [['step-jacobian', 1]];
      if (offers(declarationOf(a), scope, 'sequenceJacobian')) cells.push(...LENGTHS.map((T) => ['sequence-jacobian', T] as [TimedProperty, number]));
      if (offers(declarationOf(a), scope, 'parameterGradients')) cells.push(...LENGTHS.map((T) => ['parameter-gradients', T] as [TimedProperty, number]));
      for (const [property, T] of cells) for (const n of SIZES) overhead.push(await suiteOverhead(a, t.spec, target, property, n, T));
      const methods = [];
      for (const n of SIZES) methods.push(...(await jacobianMethods(a, variant, n)));
      variants.push({ ...(variant !== undefined ? { variant } : {}), overhead, methods });
      console.log(`bench: ${label} ${variant ?? ''} done`);
    }
  } finally {
    await a.dispose?.();
  }
  await recordBench(join(ROOT, 'reports', 'bench.json'), join(ROOT, 'reports', 'bench.md'), {
    label,
    version: info?.version,
    backend: info?.backend,
    machine: machine(),
    ranAt,
    commit: commit(),
    variants,
  });
});

it.runIf(process.env.BENCH === undefined || process.env.BENCH === '' || 'adapter host'.includes(process.env.BENCH))('adapter host', async () => {
  const cells = await hostCost(SIZES);
  await recordHostCost(join(ROOT, 'reports', 'bench.json'), join(ROOT, 'reports', 'bench.md'), {
    machine: machine(),
    ranAt: new Date().toISOString(),
    commit: commit(),
    cells,
  });
});

const chosen = (name: string): boolean => process.env.BENCH === undefined || process.env.BENCH === '' || name.includes(process.env.BENCH);

it.runIf(chosen('framework share'))(
  'framework share',
  async () => {
    const cells = SHARE_RUNS.map((run) => measureShare(ROOT, run));
    await recordSection(join(ROOT, 'reports', 'bench.json'), join(ROOT, 'reports', 'bench.md'), {
      share: { machine: machine(), ranAt: new Date().toISOString(), commit: commit(), cells },
    });
  },
  600_000,
);

it.runIf(chosen('suite scaling'))(
  'suite scaling',
  async () => {
    const cells = suiteScaling([8, 16, 32, 64, 128, 256]);
    await recordSection(join(ROOT, 'reports', 'bench.json'), join(ROOT, 'reports', 'bench.md'), {
      scaling: { machine: machine(), ranAt: new Date().toISOString(), commit: commit(), cells, exponent: growthExponent(cells) },
    });
  },
  600_000,
);
