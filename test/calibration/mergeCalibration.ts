/**
 * Merging calibration runs of one target: 10⁵ cases of a slow backend can be gathered in runs of
 * different seeds (one per session, or several at once), and the entry adds them up.
 * @packageDocumentation
 */
import type { CalibratedTarget, CalibratedUnit } from './calibrate.js';

/** An entry as read from reports/calibration.json: entries recorded before `seeds` have `seed`. */
export type StoredCalibratedTarget = Omit<CalibratedTarget, 'seeds'> & { readonly seeds?: readonly number[]; readonly seed?: number };

/** The entry with `seeds`, whichever form it was stored in. */
export function normalizeCalibrated(t: StoredCalibratedTarget): CalibratedTarget {
  const { seed, seeds, ...rest } = t;
  return { ...rest, seeds: seeds ?? (seed !== undefined ? [seed] : []) };
}

const unitKey = (u: CalibratedUnit): string => `${u.property}\u0000${u.variant ?? ''}`;

/**
 * Whether `next` adds cases to `old` rather than replacing it: the same spec version (known for
 * both, since the tolerances must be the same), framework version, sizes and units, and only seeds
 * `old` has not run (the same seed would count the same cases twice).
 */
export function canMergeCalibration(old: CalibratedTarget, next: CalibratedTarget): boolean {
  const keys = (t: CalibratedTarget): string => t.units.map(unitKey).sort().join('\u0001');
  return (
    old.specVersion !== undefined &&
    old.specVersion === next.specVersion &&
    old.version === next.version &&
    old.maxN === next.maxN &&
    old.maxT === next.maxT &&
    keys(old) === keys(next) &&
    next.seeds.every((s) => !old.seeds.includes(s))
  );
}

/** Sums cases and histograms, keeps the largest ratio and the first failure of each unit. */
function mergeUnit(a: CalibratedUnit, b: CalibratedUnit): CalibratedUnit {
  const failure = a.failure ?? b.failure;
  const histogram = Array.from(
    { length: Math.max(a.ratioHistogram.length, b.ratioHistogram.length) },
    (_, i) => (a.ratioHistogram[i] ?? 0) + (b.ratioHistogram[i] ?? 0),
  );
  return {
    property: a.property,
    ...(a.variant !== undefined ? { variant: a.variant } : {}),
    cases: a.cases + b.cases,
    verdict: a.verdict === 'fail' || b.verdict === 'fail' ? 'fail' : a.verdict,
    maxRatio: Math.max(a.maxRatio, b.maxRatio),
    ratioHistogram: histogram,
    ...(failure !== undefined ? { failure } : {}),
  };
}

/** `next` merged into `old` when {@link canMergeCalibration} allows, else `next` alone (it replaces `old`). */
export function mergeCalibration(old: CalibratedTarget | undefined, next: CalibratedTarget): CalibratedTarget {
  if (old === undefined || !canMergeCalibration(old, next)) return next;
  const byKey = new Map(next.units.map((u) => [unitKey(u), u]));
  const units = old.units.map((u) => mergeUnit(u, byKey.get(unitKey(u))!));
  return {
    ...old,
    seeds: [...old.seeds, ...next.seeds],
    casesRequested: old.casesRequested + next.casesRequested,
    cases: old.cases + next.cases,
    failures: units.filter((u) => u.verdict === 'fail').length,
    durationMs: old.durationMs + next.durationMs,
    units,
  };
}
