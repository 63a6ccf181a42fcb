/**
 * A cache of inference sessions keyed by everything that shapes a graph (kind, form, activation with
 * its alpha, dtype, steps unrolled, and the pattern of the sizes, which are symbolic dimensions), so a
 * property run builds each model once, and the runs that feed them. It keeps the most recently used
 * {@link MAX_SESSIONS}: random alphas and T make many one-off graphs, and every session holds native memory.
 */
import type * as ortTypes from 'onnxruntime-node';
import { encodeModel, type GraphDef } from './onnx.js';
import type { Ort, Provider } from './providers.js';

/** Named float64 values with their shapes, converted to the session's dtype when fed. */
export type Feeds = Record<string, { readonly data: ArrayLike<number>; readonly dims: readonly number[] }>;

/** Sessions kept at most; the least recently used is released first. */
export const MAX_SESSIONS = 64;

/** Sessions of one provider, built on first use and released by {@link SessionCache.release}. */
export class SessionCache {
  private readonly sessions = new Map<string, Promise<ortTypes.InferenceSession>>();

  constructor(
    private readonly ort: Ort,
    private readonly provider: Provider,
  ) {}

  /** Runs the model `key` (built by `build` the first time) on `feeds`; returns its outputs as float64. */
  async run(key: string, build: () => GraphDef, dtype: 'float32' | 'float64', feeds: Feeds): Promise<Record<string, Float64Array>> {
    let session = this.sessions.get(key);
    if (session !== undefined) {
      // Most recently used last: Map iteration order is insertion order.
      this.sessions.delete(key);
      this.sessions.set(key, session);
    } else {
      session = this.ort.InferenceSession.create(encodeModel(build()), this.provider.options);
      this.sessions.set(key, session);
      session.catch(() => this.sessions.delete(key));
      await this.evict();
    }
    const s = await session;
    const tensors: Record<string, ortTypes.Tensor> = {};
    for (const [name, f] of Object.entries(feeds)) {
      const data = dtype === 'float64' ? Float64Array.from(f.data) : Float32Array.from(f.data);
      tensors[name] = new this.ort.Tensor(dtype, data, [...f.dims]);
    }
    const out = await s.run(tensors);
    const result: Record<string, Float64Array> = {};
    for (const [name, t] of Object.entries(out)) {
      result[name] = Float64Array.from(t.data as Float32Array | Float64Array);
      t.dispose();
    }
    return result;
  }

  /** Releases the least recently used sessions beyond {@link MAX_SESSIONS}. */
  private async evict(): Promise<void> {
    while (this.sessions.size > MAX_SESSIONS) {
      const [oldest, p] = this.sessions.entries().next().value as [string, Promise<ortTypes.InferenceSession>];
      this.sessions.delete(oldest);
      await (await p.catch(() => undefined))?.release();
    }
  }

  /** Releases every session (native memory and provider resources). */
  async release(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.release()));
  }

  /** How many sessions are cached (for tests). */
  get size(): number {
    return this.sessions.size;
  }
}
