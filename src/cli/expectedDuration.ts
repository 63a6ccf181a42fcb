/**
 * The expected duration a run prints at its start, so that a CI job can plan around it: the sum of
 * the unit durations of the committed conformance reports of the same framework version, backend,
 * variant, dtype and property (shipped as `adapters/ADAPTER/durations.json`, written by
 * `scripts/durations.mjs`), scaled by --runs. Only for the sizes those reports used; an adapter or a
 * unit they lack gets no estimate, and the run says so.
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunPlan } from '../runner/run.js';
import { formatDuration } from '../report/format.js';
import { packageRoot } from '../spec/packageRoot.js';

/** A durations file: unit durations of one framework version's committed reports. */
export interface Durations {
  /** Framework version the reports are of. */ readonly version: string;
  /** Sizes and cases per property of those runs. */ readonly maxN: number;
  readonly maxT: number;
  readonly runs: number;
  /** Where the figures come from, in words (machine, command). */ readonly measured: string;
  /** Milliseconds a run spent outside its units (the adapter's start), by backend. */ readonly start?: Readonly<Record<string, number>>;
  /** Milliseconds per unit, keyed `backend/variant/dtype/property` (variant `-` when none). */ readonly units: Readonly<Record<string, number>>;
}

/** The key of a unit in a durations file. */
export function unitKey(backend: string | undefined, variant: string | undefined, dtype: string, property: string): string {
  return `${backend ?? '-'}/${variant ?? '-'}/${dtype}/${property}`;
}

/** The durations file of a built-in adapter, if it has one and it parses. */
function durationsOf(adapter: string): Durations | undefined {
  if (!/^[\w-]+$/.test(adapter)) return undefined;
  const file = join(packageRoot(), 'adapters', adapter, 'durations.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Durations;
  } catch {
    return undefined;
  }
}

/** One line for the start of a run: its units and, where the committed reports allow, how long it should take. */
export function expectedDurationLine(adapter: string, plan: RunPlan, o: { readonly runs: number; readonly maxN: number; readonly maxT: number }): string {
  const head = `${plan.units.length} unit${plan.units.length === 1 ? '' : 's'} × ${o.runs} case${o.runs === 1 ? '' : 's'}`;
  const d = durationsOf(adapter);
  if (d === undefined) return `${head}; no expected duration (no committed reports of adapter '${adapter}')`;
  if (plan.info?.version !== d.version)
    return `${head}; no expected duration (the committed reports are of version ${d.version}, this is ${plan.info?.version ?? 'unknown'})`;
  if (d.maxN !== o.maxN || d.maxT !== o.maxT) return `${head}; no expected duration (the committed reports used --max-n ${d.maxN} --max-t ${d.maxT})`;
  let ms = 0;
  let missing = 0;
  for (const u of plan.units) {
    const t = d.units[unitKey(u.target.backend, u.target.variant, u.target.dtype, u.property)];
    if (t === undefined) missing++;
    else ms += (t * o.runs) / d.runs;
  }
  if (missing === plan.units.length) return `${head}; no expected duration (the committed reports have none of these units)`;
  ms += d.start?.[plan.units[0]?.target.backend ?? '-'] ?? 0;
  const part = missing > 0 ? ` for ${plan.units.length - missing} of them (the committed reports lack ${missing})` : '';
  return `${head}; expected duration about ${formatDuration(ms)}${part} (${d.measured})`;
}
