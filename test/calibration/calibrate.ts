/**
 * One calibration target: its passing units run with many cases under a seed of their own, and the
 * largest error/tolerance ratio kept per unit.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { PropertyId } from '../../src/property/property.js';
import type { RunResult } from '../../src/result.js';
import { run } from '../../src/runner/run.js';
import type { CalibrationTarget } from './calibrationTargets.js';

/** A property × variant unit of a target, as calibrated. */
export interface CalibratedUnit {
  /** Property and variant (undefined without variants). */ readonly property: string;
  readonly variant?: string;
  /** Cases checked. */ readonly cases: number;
  /**
   * `pass`, or `fail`: a failure of a unit the committed report passes. Either a false failure (the
   * tolerance is too tight for a correct result) or a true one the default run's cases missed: the
   * diagnosis and replay line say which, and docs/calibration.md lists each with its cause.
   */ readonly verdict: string;
  /** Largest error/tolerance over the passing cases. */ readonly maxRatio: number;
  /** Passing cases per ratio bin (src/runner/ratioHistogram.ts). */ readonly ratioHistogram: readonly number[];
  /** A failure: its summary, diagnosis and replay line. */ readonly failure?: {
    readonly summary: string;
    readonly diagnosis?: string;
    readonly replay: string;
  };
}

/** What `npm run calibrate` records for a target. */
export interface CalibratedTarget {
  /** Label, adapter spec, backend, dtype. */ readonly label: string;
  readonly spec: string;
  readonly backend?: string;
  readonly dtype: string;
  /** What the adapter's info() said (framework version). */ readonly version?: string;
  /** The spec version whose tolerances were checked (absent in entries recorded before it was kept). */ readonly specVersion?: string;
  /**
   * The seeds of the runs merged into this entry (calibrationReport.ts merges a run with a new seed
   * into an entry of the same spec, framework version and sizes), cases asked for in all, cases per
   * unit of one run, sizes.
   */ readonly seeds: readonly number[];
  readonly casesRequested: number;
  readonly runsPerUnit: number;
  readonly maxN: number;
  readonly maxT: number;
  /** Cases checked in all. */ readonly cases: number;
  /** Units that failed (see {@link CalibratedUnit.verdict}). */ readonly failures: number;
  /** Wall time, ms (summed over merged runs). */ readonly durationMs: number;
  /** When it ran (ISO; the first of merged runs). */ readonly ranAt: string;
  /** The units. */ readonly units: readonly CalibratedUnit[];
}

/**
 * Shrink budget of a calibration failure: enough to make it readable, far below the default 1000
 * (a failure is rare here, and each shrink step of a 64×64 case costs a full check).
 */
export const CALIBRATION_MAX_SHRINKS = 200;

interface CommittedReport {
  options: { maxN: number; maxT: number; timeoutMs: number };
  results: { property: string; verdict: string; target: { variant?: string; dtype: string } }[];
}

/** Runs `cases` cases (split evenly over the target's passing units) with `seed`. */
export async function calibrate(t: CalibrationTarget, cases: number, seed: number, root: string): Promise<CalibratedTarget> {
  const report = JSON.parse(readFileSync(join(root, t.report), 'utf8')) as CommittedReport;
  const passing = report.results.filter((r) => r.verdict === 'pass' && r.target.dtype === t.dtype);
  const variants = [...new Set(passing.map((r) => r.target.variant))];
  const runsPerUnit = Math.ceil(cases / Math.max(1, passing.length));
  const started = Date.now();
  const adapter = await loadAdapter(t.spec, t.backend !== undefined ? { backend: t.backend } : {});
  const units: CalibratedUnit[] = [];
  let version: string | undefined;
  let specVersion: string | undefined;
  try {
    for (const variant of variants) {
      const properties = passing.filter((r) => r.target.variant === variant).map((r) => r.property as PropertyId);
      const r: RunResult = await run({
        adapter,
        adapterSpec: t.spec,
        backend: t.backend,
        variant,
        dtype: t.dtype,
        properties,
        runs: runsPerUnit,
        seed,
        maxN: report.options.maxN,
        maxT: report.options.maxT,
        timeoutMs: report.options.timeoutMs,
        opts: {},
        maxShrinks: CALIBRATION_MAX_SHRINKS,
      });
      version ??= r.adapter.info?.version;
      specVersion ??= r.tool.specVersion;
      for (const x of r.results) {
        const ce = x.counterexample;
        units.push({
          property: x.property,
          ...(variant !== undefined ? { variant } : {}),
          cases: x.cases,
          verdict: x.verdict,
          maxRatio: x.maxRatio,
          ratioHistogram: x.ratioHistogram ?? [],
          ...(ce !== undefined
            ? { failure: { summary: ce.failure.summary, ...(ce.failure.diagnosis ? { diagnosis: ce.failure.diagnosis.id } : {}), replay: ce.replay } }
            : {}),
        });
      }
    }
  } finally {
    await adapter.dispose?.();
  }
  return {
    label: t.label,
    spec: t.spec,
    ...(t.backend !== undefined ? { backend: t.backend } : {}),
    dtype: t.dtype,
    ...(version !== undefined ? { version } : {}),
    ...(specVersion !== undefined ? { specVersion } : {}),
    seeds: [seed],
    casesRequested: cases,
    runsPerUnit,
    maxN: report.options.maxN,
    maxT: report.options.maxT,
    cases: units.reduce((s, u) => s + u.cases, 0),
    failures: units.filter((u) => u.verdict === 'fail').length,
    durationMs: Date.now() - started,
    ranAt: new Date(started).toISOString(),
    units,
  };
}
