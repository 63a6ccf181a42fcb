/**
 * Times one function with tinybench: three warm-up calls (the first use of a kernel or session is not
 * what a run pays per case), then at least `minIterations` calls and about
 * `budgetMs` of them, reported as the mean latency. A first call slower than `skipAboveMs` is not
 * repeated (its time is the result, flagged `single`), which keeps n = 256 on slow backends bounded.
 * @packageDocumentation
 */
import { Bench } from 'tinybench';

/** A timing: mean ms per call, how many calls, relative margin of error (%). */
export interface Timing {
  readonly meanMs: number;
  readonly samples: number;
  readonly rme: number;
  readonly single?: true;
}

/** Mean time of `fn` in ms. */
export async function timeTask(fn: () => Promise<unknown>, budgetMs = 400, minIterations = 5, skipAboveMs = 3000): Promise<Timing> {
  const t0 = performance.now();
  await fn();
  const first = performance.now() - t0;
  if (first > skipAboveMs) return { meanMs: first, samples: 1, rme: Number.NaN, single: true };
  const bench = new Bench({ time: budgetMs, iterations: minIterations, warmupIterations: 2, warmupTime: 0 });
  bench.add('task', fn);
  await bench.run();
  const r = bench.tasks[0].result;
  if (r.state !== 'completed') throw new Error(`tinybench: task ${r.state}${'error' in r ? `: ${String(r.error)}` : ''}`);
  return { meanMs: r.latency.mean, samples: bench.tasks[0].runs, rme: r.latency.rme };
}
