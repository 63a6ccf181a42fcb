/**
 * The golden vectors committed under specs/vectors, read as the tests need them: each file, each
 * vector's case in the adapter contract's shape (typed arrays), and each output as a bounded value.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bounded } from '../../src/bound/bounded.js';
import type { GoldenCase, GoldenFileName } from '../../src/vectors/goldenFiles.js';
import type { GoldenFile, GoldenIndex, GoldenOutput, GoldenVector } from '../../src/vectors/goldenVectors.js';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The committed vectors. */
export const VECTORS = join(ROOT, 'specs', 'vectors');

/** Reads a JSON file of the repository. */
export function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as T;
}

/** The committed index.json. */
export function committedIndex(): GoldenIndex {
  return readJson<GoldenIndex>('specs', 'vectors', 'index.json');
}

/** One committed golden file. */
export function committedFile(name: GoldenFileName): GoldenFile {
  return readJson<GoldenFile>('specs', 'vectors', `${name}.json`);
}

/** The vector's case as the adapter contract and the model take it: number arrays as Float64Array. */
export function contractCase(v: GoldenVector): GoldenCase {
  return Object.fromEntries(Object.entries(v.case).map(([k, x]) => [k, Array.isArray(x) ? Float64Array.from(x as number[]) : x])) as unknown as GoldenCase;
}

/** An output as a bounded value: expected as v, tolerance as e (the norms are not used by comparisons). */
export function boundedOutput(o: GoldenOutput): Bounded {
  return { rows: o.rows, cols: o.cols, v: Float64Array.from(o.expected), e: Float64Array.from(o.tolerance), s: Infinity, f: Infinity };
}
