/**
 * The detection threshold of a property: the smallest uniform relative error ε (a ladder of powers of
 * two times the dtype's unit roundoff u) that default runs with seeds 1 … 20 kill with probability
 * ≥ 0.95, i.e. at least 19 of 20. The adapter under test is the reference with every result entry x
 * returned as x·(1 + ε·s), s = ±1 per entry (relativeNoise.ts). Each run stops at its first failure.
 * @packageDocumentation
 */
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Dtype } from '../../src/contract.js';
import type { PropertyId } from '../../src/property/property.js';
import { run } from '../../src/runner/run.js';
import { noisyReference } from './relativeNoise.js';

/** ε in units of u: 2, 4, 8, …, 2¹⁶. */
export const LADDER: readonly number[] = Array.from({ length: 16 }, (_, k) => 2 ** (k + 1));

/** The seeds standing in for the default seed. */
export const SEEDS: readonly number[] = Array.from({ length: 20 }, (_, k) => k + 1);

/** Kills out of {@link SEEDS} that count as detection (19 of 20: probability ≥ 0.95). */
export const DETECTED = 19;

/** One rung of the ladder: how many seeds killed the noise at `units`·u. */
export interface Rung {
  /** ε in units of u. */ readonly units: number;
  /** Seeds whose run failed. */ readonly killed: number;
  /** Seeds run. */ readonly seeds: number;
  /** Over the killing seeds: the median and the most cases generated up to the first failure. */ readonly casesToFirstFailure?: {
    readonly median: number;
    readonly max: number;
  };
  /**
   * Kills whose failing entry had a tolerance of at least 2⁻¹⁰ of its value (on a kink, where a correct
   * result may sit on the edge of the accepted interval, or where the value cancels): the noise pushed
   * it past an interval's edge, not past a roundoff allowance.
   */
  readonly wideToleranceKills: number;
}

/** A property × dtype's threshold and the kill rates it was read from. */
export interface Threshold {
  /** The property. */ readonly property: PropertyId;
  /** The dtype. */ readonly dtype: Dtype;
  /** Smallest ε (units of u) of the ladder killed by {@link DETECTED} seeds or more; null when none is. */ readonly thresholdUnits: number | null;
  /** Every rung, in ladder order. */ readonly ladder: readonly Rung[];
  /** Wall time of all its runs, ms. */ readonly durationMs: number;
}

/**
 * A tolerance at least this fraction of the entry's value is no roundoff allowance: the entry lies on
 * a kink (its tolerance is half a subgradient interval) or cancels.
 */
const WIDE = 2 ** -10;

/** A kill: cases up to the first failure, and whether the entry that failed had a {@link WIDE} tolerance. */
interface Kill {
  readonly failedAfter: number;
  readonly wide: boolean;
}

/** One default run (100 cases, default sizes) of `property` at `units`·u with `seed`, shrinking off. */
async function killedAt(property: PropertyId, dtype: Dtype, units: number, seed: number): Promise<Kill | undefined> {
  const r = await run({
    adapter: noisyReference(`noise:${units}u`, units, [dtype]),
    adapterSpec: `noise:${units}u`,
    properties: [property],
    dtype,
    runs: DEFAULTS.runs,
    seed,
    maxN: DEFAULTS.maxN,
    maxT: DEFAULTS.maxT,
    timeoutMs: 30_000,
    opts: {},
    maxShrinks: 0,
  });
  const ce = r.results[0].counterexample;
  if (ce === undefined) return undefined;
  const w = ce.failure.worst;
  return { failedAfter: ce.failedAfter, wide: w !== undefined && w.tolerance >= WIDE * Math.abs(w.expected) };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs every rung of the ladder with every seed; `log` gets one line per rung. */
export async function measureThreshold(property: PropertyId, dtype: Dtype, log: (line: string) => void = () => undefined): Promise<Threshold> {
  const started = performance.now();
  const ladder: Rung[] = [];
  for (const units of LADDER) {
    const kills: Kill[] = [];
    for (const seed of SEEDS) {
      const kill = await killedAt(property, dtype, units, seed);
      if (kill !== undefined) kills.push(kill);
    }
    const firsts = kills.map((k) => k.failedAfter);
    const wideToleranceKills = kills.filter((k) => k.wide).length;
    ladder.push({
      units,
      killed: kills.length,
      seeds: SEEDS.length,
      wideToleranceKills,
      ...(kills.length > 0 ? { casesToFirstFailure: { median: median(firsts), max: Math.max(...firsts) } } : {}),
    });
    log(`${property} ${dtype} ${units}u: ${kills.length}/${SEEDS.length} killed (${wideToleranceKills} on a wide tolerance)`);
  }
  const hit = ladder.find((r) => r.killed >= DETECTED);
  return { property, dtype, thresholdUnits: hit?.units ?? null, ladder, durationMs: Math.round(performance.now() - started) };
}
