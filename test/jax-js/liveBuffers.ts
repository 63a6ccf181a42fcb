/**
 * Counts the buffers a jax-js device holds, for the leak test. jax-js exposes no allocation count:
 * its devices keep their buffers in private fields, and `getBackend` is internal. It is exported
 * from the package's shared chunk (`dist/backend-*.js`) under a short minified name that
 * `dist/index.js` imports, so this reads that import line to find it, then wraps the backend's own
 * `malloc`, `incRef` and `decRef` (public methods of its Backend interface) to mirror the reference
 * count of every buffer allocated from then on. A buffer is live until its count returns to 0,
 * exactly when the backend frees it. Read-only with respect to numerics: the wrappers only count.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of jax-js's Backend interface this counts through. */
interface Backend {
  malloc(size: number, initialData?: Uint8Array): number;
  incRef(slot: number): void;
  decRef(slot: number): void;
}

/** A running count of the live buffers of one device. */
export interface BufferCount {
  /** Buffers allocated since {@link countBuffers} and not yet freed. */
  live(): number;
  /** Removes the wrappers. */
  stop(): void;
}

/** jax-js's internal `getBackend(device)`, from the module instance `@jax-js/jax` itself imports. */
async function getBackend(): Promise<(device: string) => Backend> {
  const dist = dirname(createRequire(import.meta.url).resolve('@jax-js/jax'));
  const index = readFileSync(join(dist, 'index.js'), 'utf8');
  const line = /import \{([^}]*)\} from "\.\/(backend-[\w-]+\.js)"/.exec(index);
  const alias = line === null ? null : /\b(\w+) as getBackend\b/.exec(line[1]);
  if (line === null || alias === null) throw new Error('cannot find getBackend in @jax-js/jax/dist/index.js (its build layout changed)');
  const chunk = (await import(pathToFileURL(join(dist, line[2])).href)) as Record<string, unknown>;
  return chunk[alias[1]] as (device: string) => Backend;
}

/** Starts counting the buffers of `device` (initialised already). */
export async function countBuffers(device: string): Promise<BufferCount> {
  const backend = (await getBackend())(device);
  const refs = new Map<number, number>();
  const own = { malloc: backend.malloc, incRef: backend.incRef, decRef: backend.decRef };
  backend.malloc = function (size, initialData) {
    const slot = own.malloc.call(this, size, initialData);
    refs.set(slot, 1);
    return slot;
  };
  backend.incRef = function (slot) {
    own.incRef.call(this, slot);
    const r = refs.get(slot);
    if (r !== undefined) refs.set(slot, r + 1);
  };
  backend.decRef = function (slot) {
    own.decRef.call(this, slot);
    const r = refs.get(slot);
    if (r === 1) refs.delete(slot);
    else if (r !== undefined) refs.set(slot, r - 1);
  };
  return {
    live: () => refs.size,
    stop: () => {
      // The prototype's methods come back when the own properties go.
      delete (backend as Partial<Backend>).malloc;
      delete (backend as Partial<Backend>).incRef;
      delete (backend as Partial<Backend>).decRef;
    },
  };
}
