/**
 * What the adapter host costs per call, beyond the adapter's own time: for each isolation, the
 * time of one step-Jacobian call through the host minus the time the host measured inside the
 * adapter member (copying the case in and the result out, the input comparison, the validation, and
 * for `process` the IPC round trip). Measured on the reference adapter, float32, at n = 8, 64, 256.
 * @packageDocumentation
 */
import { loadAdapter } from '../src/adapters/loadAdapter.js';
import type { AdapterHost, Isolation } from '../src/host/adapterHost.js';
import { inProcessHost } from '../src/host/inProcessHost.js';
import { startProcessHost } from '../src/host/processHost.js';
import { shapeOf } from '../src/property/call.js';
import { fixedStepCase } from './fixedCases.js';

/** One cell: mean ms per call through the host, inside the adapter, and their difference. */
export interface HostCostCell {
  readonly isolation: Isolation;
  readonly n: number;
  readonly callMs: number;
  readonly adapterMs: number;
  readonly overheadMs: number;
  readonly calls: number;
}

/** Calls per size after the warm-up; the median of five batches is kept, against noise. */
const CALLS = 400;

async function measure(host: AdapterHost, n: number): Promise<HostCostCell> {
  const c = fixedStepCase(n);
  const request = { method: 'stepJacobian' as const, case: { ...c }, result: shapeOf('∂x_t/∂x_{t-1}', n, n) };
  const calls = n >= 256 ? CALLS / 8 : CALLS;
  for (let k = 0; k < 20; k++) await host.call(request, 60_000);
  const batches: { call: number; inside: number }[] = [];
  for (let b = 0; b < 5; b++) {
    let inside = 0;
    const t0 = performance.now();
    for (let k = 0; k < calls; k++) {
      const o = await host.call(request, 60_000);
      if (!o.ok) throw new Error(`host cost: ${o.failure.summary}`);
      inside += o.adapterMs;
    }
    batches.push({ call: (performance.now() - t0) / calls, inside: inside / calls });
  }
  batches.sort((x, y) => x.call - x.inside - (y.call - y.inside));
  const mid = batches[2];
  return { isolation: host.isolation, n, callMs: mid.call, adapterMs: mid.inside, overheadMs: mid.call - mid.inside, calls };
}

/** Measures both isolations at each size. */
export async function hostCost(sizes: readonly number[]): Promise<HostCostCell[]> {
  const out: HostCostCell[] = [];
  const hosts = [await startProcessHost({ spec: 'reference', options: {}, timeoutMs: 60_000 }), await inProcessHost(await loadAdapter('reference', {}))];
  try {
    for (const host of hosts) for (const n of sizes) out.push(await measure(host, n));
  } finally {
    for (const h of hosts) await h.close(10_000);
  }
  return out;
}
