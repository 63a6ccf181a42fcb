/**
 * How close correct results come to their tolerance, per property and dtype, from
 * reports/calibration.json: the largest error/tolerance of every passing calibration unit (a target ×
 * variant), and the ratio of the median case over all of them (from their ratio histograms).
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Dtype } from '../../src/contract.js';
import { RATIO_BIN_LABELS } from '../../src/runner/ratioHistogram.js';
import type { CalibrationReport } from '../calibration/calibrationReport.js';

/** What the calibration says about one property × dtype. */
export interface CorrectRatios {
  /** Passing units (target × variant) of this property and dtype. */ readonly units: number;
  /** Their cases. */ readonly cases: number;
  /** Median over the units of each unit's largest ratio. */ readonly medianMaxRatio: number;
  /** Largest ratio of any unit. */ readonly maxRatio: number;
  /** The ratio bin (RATIO_BIN_LABELS) of the median passing case over all the units. */ readonly medianCaseBin: string;
}

/** Reads the calibration file; undefined when there is none. */
export function readCalibration(file: string): CalibrationReport | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CalibrationReport) : undefined;
}

/** The ratios correct results reach for `property` in `dtype`; undefined when no unit passed it. */
export function correctRatios(report: CalibrationReport, property: string, dtype: Dtype): CorrectRatios | undefined {
  const units = report.targets
    .filter((t) => t.dtype === dtype)
    .flatMap((t) => t.units)
    .filter((u) => u.property === property && u.verdict === 'pass');
  if (units.length === 0) return undefined;
  const maxima = units.map((u) => u.maxRatio).sort((a, b) => a - b);
  const pooled = RATIO_BIN_LABELS.map((_, k) => units.reduce((s, u) => s + (u.ratioHistogram[k] ?? 0), 0));
  const total = pooled.reduce((a, b) => a + b, 0);
  let k = 0;
  // The bin holding the case at the middle of the pooled distribution.
  for (let seen = pooled[0]; seen < total / 2; seen += pooled[++k]);
  return {
    units: units.length,
    cases: units.reduce((s, u) => s + u.cases, 0),
    medianMaxRatio: maxima[Math.floor((maxima.length - 1) / 2)],
    maxRatio: maxima[maxima.length - 1],
    medianCaseBin: RATIO_BIN_LABELS[k],
  };
}
