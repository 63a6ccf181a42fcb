/**
 * Runs the tfjs adapter in-process the way the CLI does, and states tfjs's known failures: the
 * test files assert that every failure of a run is one of them, so a new one (or a fix) shows.
 * @packageDocumentation
 */
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Adapter } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import type { PropertyId } from '../../src/property/property.js';
import type { PropertyResult, RunResult } from '../../src/runner/result.js';
import { run } from '../../src/runner/run.js';

/** Creates the tfjs adapter on `backend`. */
export function tfjsAdapter(backend: string): Promise<Adapter> {
  return loadAdapter('tfjs', { backend });
}

/** What one test run varies. */
export interface TfjsRunOptions {
  readonly runs: number;
  readonly variant?: string;
  readonly properties?: readonly PropertyId[];
  readonly maxN?: number;
  readonly seed?: number;
}

/** A run of the tfjs adapter with the default seed and sizes unless `o` says otherwise. */
export function runTfjs(adapter: Adapter, backend: string, o: TfjsRunOptions): Promise<RunResult> {
  return run({
    adapter, adapterSpec: 'tfjs', backend, variant: o.variant, properties: o.properties ?? PROPERTY_IDS,
    runs: o.runs, seed: o.seed ?? DEFAULTS.seed, maxN: o.maxN ?? DEFAULTS.maxN, maxT: DEFAULTS.maxT, timeoutMs: 60_000, opts: {},
  });
}

/**
 * tfjs 4.22's gradient of tf.unstack over an axis of length 1 throws (unpackGradConfig calls
 * stack(dy) on the single tensor the engine passes for a one-output op), so tf.layers.simpleRNN
 * cannot be differentiated with respect to the input of a one-step sequence.
 */
export function isUnstackGradientBug(r: PropertyResult): boolean {
  const f = r.counterexample?.failure;
  return r.property === 'input-jacobian' && r.target.variant === 'layers' && f?.kind === 'threw' &&
    f.summary.includes('Argument tensors passed to stack must be');
}

/**
 * tfjs-backend-webgpu 4.22 computes tanh as sign(a)·(1 − e^(−2|a|))/(1 + e^(−2|a|)) (and elu's negative
 * branch as exp(a) − 1), which cancels for small |a|: right formulas, lost accuracy. The suite
 * diagnoses such failures as `inaccurate`.
 */
export function isWebgpuCancellation(r: PropertyResult): boolean {
  return r.target.backend === 'webgpu' && r.counterexample?.failure.diagnosis?.id === 'inaccurate';
}

/** The failures of a run that are none of the known ones (each as a line for the assertion message). */
export function unexpectedFailures(r: RunResult, known: readonly ((r: PropertyResult) => boolean)[]): string[] {
  return r.results
    .filter((x) => x.verdict === 'fail' && !known.some((k) => k(x)))
    .map((x) => `${x.property} ${x.target.variant}: ${x.counterexample?.failure.summary ?? ''} [${x.counterexample?.failure.diagnosis?.id ?? '-'}]`);
}
