/**
 * The bound on ‖A‖₂ that chains of products use (RJS-TOL-6): ‖A‖₂ by one-sided Jacobi, remembered by
 * the matrix's contents, since the Jacobi value is O(n³) and the same matrices come back: the
 * sequence and loss cases of one index share their W (both are drawn from the same random stream),
 * and a failure's diagnosis rebuilds a case's recurrence for every wrong form and fitted parameter it
 * tries. A hit returns the value computed for equal contents (compared entry by entry, not only by
 * hash), so it is the same number, bit for bit.
 * @packageDocumentation
 */
import { Buffer } from 'node:buffer';
import { spectralNorm } from './spectralNorm.js';

/**
 * Most entries remembered, over all matrices (16 MiB of copies): past it the memory starts over. At
 * the default sizes that is a unit's worth of W and U and more; at n = 256, 32 matrices.
 */
export const MAX_KNOWN_ENTRIES = 2 ** 21;

interface Known {
  readonly rows: number;
  readonly cols: number;
  readonly entries: Float64Array;
  readonly norm: number;
}

const known = new Map<number, Known[]>();
/** Entries held in {@link known}. */
let held = 0;

/** A 32-bit FNV-1a hash of the entries' bits and the shape. */
function hashOf(A: Float64Array, rows: number, cols: number): number {
  const words = new Uint32Array(A.buffer, A.byteOffset, A.length * 2);
  let h = Math.imul(0x811c9dc5 ^ rows, 16777619) ^ cols;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
  return h >>> 0;
}

/** Same entries, bit for bit (so −0 and 0, or two NaNs with different payloads, differ). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * An upper bound on ‖A‖₂: the one-sided Jacobi value padded by its error, (rows + cols)·u_float64
 * relative (Demmel & Veselić: relative accuracy O(n·u) for each singular value).
 */
export function spectralNormBound(A: ArrayLike<number>, rows: number, cols: number): number {
  return knownSpectralNorm(A, rows, cols) * (1 + (rows + cols) * 2 ** -53);
}

/**
 * {@link spectralNorm} of a rows×cols row-major Float64Array, computed once per distinct contents
 * (up to {@link MAX_KNOWN_ENTRIES} entries at a time). Other array types are computed each time.
 */
export function knownSpectralNorm(A: ArrayLike<number>, rows: number, cols: number): number {
  if (!(A instanceof Float64Array)) return spectralNorm(A, rows, cols);
  const h = hashOf(A, rows, cols);
  const bucket = known.get(h);
  const hit = bucket?.find((k) => k.rows === rows && k.cols === cols && sameBits(k.entries, A));
  if (hit !== undefined) return hit.norm;
  const norm = spectralNorm(A, rows, cols);
  if (A.length > MAX_KNOWN_ENTRIES) return norm;
  if (held + A.length > MAX_KNOWN_ENTRIES) {
    known.clear();
    held = 0;
  }
  const entry = { rows, cols, entries: A.slice(), norm };
  if (bucket !== undefined && known.has(h)) bucket.push(entry);
  else known.set(h, [entry]);
  held += A.length;
  return norm;
}
