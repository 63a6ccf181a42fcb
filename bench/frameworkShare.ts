/**
 * The framework's share of a run's wall time, measured from outside the runner:
 * `scripts/framework-share.mjs` runs the CLI on an adapter wrapped by `scripts/timed-adapter.mjs`,
 * which times every member call inside the host; the share is that time over the CLI process's wall
 * time, start-up included. Also with the adapter's factory (the framework's import and set-up) counted,
 * and over the span from the first call's start to the last call's end (the steady state). Beside it,
 * the ceiling: the same calls made again back to back by scripts/replay-calls.mjs in a bare process
 * (no runner, no host, no checks), timed the same way from outside.
 * @packageDocumentation
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** One measured run. */
export interface ShareCell {
  /** What ran: adapter, backend, variant, properties. */ readonly label: string;
  /** Wall time of the CLI process, ms. */ readonly wallMs: number;
  /** Time inside the adapter's members, ms, and the number of calls. */ readonly adapterMs: number;
  readonly calls: number;
  /** Time of the adapter's factory (framework import and set-up), ms. */ readonly factoryMs: number;
  /**
   * From the first call's start to the last call's end, ms: the run without its start-up (process
   * starts, imports, the framework's set-up) and its end (reports): the steady state that more cases
   * would extend.
   */
  readonly spanMs?: number;
  /** Cases the run checked (shrinking included). */ readonly cases: number;
  /** The bare replay of the same calls: its wall time, time inside the calls, their number and the factory's time, ms. */
  readonly ceiling?: { readonly wallMs: number; readonly adapterMs: number; readonly calls: number; readonly factoryMs: number };
}

/** The runs docs/benchmarks.md ("The framework's share of a run") reports: default sizes, float32. */
export const SHARE_RUNS = [
  ['tfjs', 'cpu', 'grads', 'step-jacobian,input-jacobian,forward,gradient-bound'],
  ['tfjs', 'cpu', 'grads', 'sequence-jacobian,parameter-gradients'],
  ['tfjs', 'wasm', 'grads', 'step-jacobian,input-jacobian,forward,gradient-bound'],
  ['tfjs', 'wasm', 'grads', 'sequence-jacobian,parameter-gradients'],
  ['onnxruntime', 'cpu', 'gradient-graph', 'step-jacobian,input-jacobian,forward,gradient-bound'],
  ['onnxruntime', 'cpu', 'gradient-graph', 'sequence-jacobian,parameter-gradients'],
] as const;

/** Runs one of {@link SHARE_RUNS} through scripts/framework-share.mjs. */
export function measureShare(root: string, [adapter, backend, variant, properties]: (typeof SHARE_RUNS)[number]): ShareCell {
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'scripts', 'framework-share.mjs'),
      adapter,
      '--backend',
      backend,
      '--variant',
      variant,
      '--dtype',
      'float32',
      '--properties',
      properties,
      '--ceiling',
      '--json',
    ],
    { encoding: 'utf8' },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  const m = JSON.parse(line) as Omit<ShareCell, 'label'>;
  return { label: `${adapter} ${backend} ${variant}: ${properties}`, ...m };
}
