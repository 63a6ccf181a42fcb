/**
 * The expected values of sequence cases, computed on a worker thread: they are the suite's own
 * O(n³·T) work (RJS-TOL-6's chained bounds, a Jacobi ‖W‖₂), and on the runner's main thread they
 * would hold up the generation of the next cases while the adapter's process has a core to spare.
 * The worker runs the same functions on a copy of the case, so the values are bit for bit those
 * computed in the thread itself, which is what happens when the built worker is not there (tests
 * run from the TypeScript sources).
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Bounded } from '../bound/bounded.js';
import type { LossCase, SequenceCase } from '../contract.js';
import type { ExpectedGradients } from './bptt.js';
import { expectedParameterGradients, expectedSequenceJacobian } from './expected.js';

/** One job for the worker. */
export type ExpectedJob =
  | { readonly id: number; readonly kind: 'sequence-jacobian'; readonly case: Omit<SequenceCase, 'variant'> }
  | { readonly id: number; readonly kind: 'parameter-gradients'; readonly case: Omit<LossCase, 'variant'> };

let worker: Worker | undefined;
/** False once the worker could not be started or failed: the thread computes from then on. */
let usable = true;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function theWorker(): Worker | undefined {
  if (worker !== undefined || !usable) return worker;
  const file = fileURLToPath(new URL('./expectedWorker.js', import.meta.url));
  if (!import.meta.url.endsWith('.js') || !existsSync(file)) {
    usable = false;
    return undefined;
  }
  const w = new Worker(file);
  w.on('message', (m: { id: number; value?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (p === undefined) return;
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.value);
  });
  const fail = (e: unknown): void => {
    usable = false;
    worker = undefined;
    for (const p of pending.values()) p.reject(e instanceof Error ? e : new Error(`the expected-value worker stopped: ${String(e)}`));
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the expected-value worker exited with code ${code}`)));
  // Not holding the process open while no job is out; after the listeners, since adding a 'message'
  // listener refs the worker again.
  w.unref();
  worker = w;
  return w;
}

/**
 * Starts the worker now, if it is not running: its start (loading the model's modules) then overlaps
 * the adapter's start instead of holding up a unit's first cases, which wait for their expected values.
 */
export function startExpectedWorker(): void {
  theWorker();
}

function run<T>(job: Omit<ExpectedJob, 'id'>, inThread: () => T): Promise<T> {
  const w = theWorker();
  if (w === undefined) return Promise.resolve().then(inThread);
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    // Held open while a job is out, so that a process with nothing else to wait on waits for it.
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...job, id });
  });
}

/** {@link expectedSequenceJacobian}, computed beside the calling thread. */
export function expectedSequenceJacobianOffThread(c: Omit<SequenceCase, 'variant'>): Promise<Bounded> {
  return run({ kind: 'sequence-jacobian', case: c }, () => expectedSequenceJacobian(c));
}

/** {@link expectedParameterGradients}, computed beside the calling thread. */
export function expectedParameterGradientsOffThread(c: Omit<LossCase, 'variant'>): Promise<ExpectedGradients> {
  return run({ kind: 'parameter-gradients', case: c }, () => expectedParameterGradients(c));
}
