import { activationByName } from '../activation/activations.js';
import { cut, pick, type CaseDraw, type DrawField } from './caseDraw.js';
import { toDtype } from './entry.js';

/** Where a shrink stream starts: its phase, and the item within it (RJS-GEN-8). */
export interface ShrinkCursor {
  readonly phase: number;
  readonly item: number;
}

/** The first position of a shrink stream. */
export const SHRINK_START: ShrinkCursor = { phase: 0, item: 0 };

/** What bounds a shrink. */
export interface ShrinkLimits {
  /** Smallest n and T (`--max-n` benchmarks pin sizes). */ readonly minN: number;
  readonly minT: number;
  /** Activations the case may switch to. */ readonly activations: readonly string[];
  /** Whether to simplify entries (the costly phases); sizes and the activation shrink always. */ readonly entries: boolean;
  /** Smallest |b_i| (sequence and loss cases: 1/16, RJS-GEN-4). */ readonly minBias: number;
}

/** v − (v − min), then halving the distance: min, …, v − 1 (fast-check's order for integers). */
function* towards(v: number, min: number): Generator<number> {
  for (let delta = v - min; delta > 0; delta = Math.floor(delta / 2)) yield v - delta;
}

/** The power of two that makes v an integer: how "complicated" a value is. */
function denominator(v: number): number {
  let d = 1;
  while (d < 2 ** 1100 && !Number.isInteger(v * d)) d *= 2;
  return d;
}

/**
 * Simpler values for one entry, strictly simpler than v (so shrinking ends): 0, then v rounded to an
 * integer, to quarters and to 64ths. With `minAbs`, magnitudes stay at or above it, sign kept.
 */
export function simplerValues(v: number, dtype: CaseDraw['dtype'], minAbs = 0): number[] {
  const sign = v < 0 ? -1 : 1;
  const raw = minAbs > 0 ? [sign * minAbs] : [0];
  for (const q of [1, 4, 64]) raw.push(Math.round(v * q) / q);
  const dv = denominator(v);
  const out: number[] = [];
  for (const r of raw) {
    const s = toDtype(minAbs > 0 && Math.abs(r) < minAbs ? sign * minAbs : r, dtype);
    if (s === v || out.includes(s) || Object.is(s, -0)) continue;
    const simpler = (s === 0 && v !== 0) || denominator(s) < dv || (denominator(s) === dv && Math.abs(s) < Math.abs(v));
    if (simpler) out.push(s);
  }
  return out;
}

/** Fields whose entries shrink, in order; the solved bias of elman step cases is not one. */
function entryFields(d: CaseDraw): DrawField[] {
  const fields: DrawField[] = ['W', 'x', 'a', 'U', 'u', 'b', 'cs', 'v', 'w'];
  return fields.filter((f) => d[f].length > 0 && !(f === 'b' && d.a.length > 0));
}

/** Fields set to their simplest value all at once before entry by entry (not W nor the states). */
const WHOLE_FIELDS: readonly DrawField[] = ['U', 'u', 'b', 'cs', 'v', 'w'];

function withField(d: CaseDraw, f: DrawField, values: Float64Array): CaseDraw {
  return { ...d, [f]: values };
}

/**
 * The shrink candidates of a draw, from `from` on (RJS-GEN-8), each with the cursor its own stream
 * starts at: n (leading blocks of every array, trailing blocks, one unit left out), then T (prefixes), then m, then the activation toward
 * identity, then whole fields to their simplest values, then entries one by one toward simpler values,
 * then, for a stream that did not start at the sizes, the sizes again (whose cursor starts over).
 * A stream that starts where the last accepted candidate came from does not try again what failed.
 */
export function* shrinkDraw(d: CaseDraw, from: ShrinkCursor, o: ShrinkLimits): Generator<[CaseDraw, ShrinkCursor]> {
  for (const phase of [0, 1, 2]) if (from.phase <= phase) yield* sizes(d, o, phase, { phase, item: 0 });
  if (from.phase <= 3) {
    const names = ['identity', o.activations[0]].filter((a, i, all) => a !== undefined && all.indexOf(a) === i && o.activations.includes(a));
    for (const name of names) {
      if (name === d.activation.name || activationByName(name).hasAlpha) continue;
      yield [
        { ...d, activation: { name } },
        { phase: 3, item: 0 },
      ];
    }
  }
  if (from.phase <= 4) {
    const fields = WHOLE_FIELDS.filter((f) => d[f].length > 0 && !(f === 'b' && d.a.length > 0));
    for (let k = 0; k < fields.length; k++) {
      if (from.phase === 4 && k < from.item) continue;
      const f = fields[k];
      const min = f === 'b' ? o.minBias : 0;
      const simplest = Float64Array.from(d[f], (v) => toDtype(min > 0 ? (v < 0 ? -min : min) : 0, d.dtype));
      if (simplest.every((s, i) => s === d[f][i])) continue;
      yield [withField(d, f, simplest), { phase: 4, item: k }];
    }
  }
  if (!o.entries) return;
  let item = 0;
  for (const f of entryFields(d)) {
    const values = d[f];
    for (let i = 0; i < values.length; i++, item++) {
      if (from.phase === 5 && item < from.item) continue;
      for (const s of simplerValues(values[i], d.dtype, f === 'b' ? o.minBias : 0)) {
        const next = Float64Array.from(values);
        next[i] = s;
        yield [withField(d, f, next), { phase: 5, item }];
      }
    }
  }
  // The sizes once more: simpler entries can let a smaller case fail the same way where the drawn
  // ones did not (other units' terms hid the failure, or changed how it reads). A size that fails
  // here starts the stream over from the sizes, so shrinking still ends.
  if (from.phase >= 1) for (const phase of [0, 1, 2]) yield* sizes(d, o, phase, SHRINK_START);
}

/**
 * The size candidates of one phase (RJS-GEN-8 steps 1 to 3): 0, n by leading blocks, trailing blocks
 * and each unit left out; 1, T by prefixes; 2, m; each with `cursor`.
 */
function* sizes(d: CaseDraw, o: ShrinkLimits, phase: number, cursor: ShrinkCursor): Generator<[CaseDraw, ShrinkCursor]> {
  if (phase === 0) {
    for (const n of towards(d.n, o.minN)) yield [cut(d, n, d.m, d.T), cursor];
    // Then trailing blocks (a failure on the last units), then each unit left out (two far-apart units).
    const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
    for (const n of towards(d.n, o.minN)) yield [pick(d, range(d.n - n, d.n)), cursor];
    if (d.n > o.minN)
      for (let i = d.n - 1; i >= 0; i--)
        yield [
          pick(
            d,
            range(0, d.n).filter((j) => j !== i),
          ),
          cursor,
        ];
  } else if (phase === 1) {
    for (const T of towards(d.T, o.minT)) yield [cut(d, d.n, d.m, T), cursor];
  } else {
    for (const m of towards(d.m, 1)) yield [cut(d, d.n, m, d.T), cursor];
  }
}
