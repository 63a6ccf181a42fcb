/**
 * reports/thresholds.json and thresholds.md: per property × dtype the detection threshold of uniform
 * relative noise, the kill rates along the ladder, and beside them the error/tolerance ratios that
 * correct results reach in the calibration.
 * @packageDocumentation
 */
import { writeFileSync } from 'node:fs';
import { unitRoundoff } from '../../src/model/precision.js';
import type { CalibrationReport } from '../calibration/calibrationReport.js';
import { correctRatios, type CorrectRatios } from './correctRatios.js';
import { DETECTED, LADDER, SEEDS, type Threshold } from './detectionThreshold.js';

/** How the numbers were made, for both files. */
const COMMAND = 'npm run thresholds';

/** One row of the report: a threshold and the calibration ratios of the same property × dtype. */
export interface ThresholdRow extends Threshold {
  /** From reports/calibration.json; absent when no calibration unit passed this property × dtype. */ readonly correct?: CorrectRatios;
}

/** Joins the thresholds with the calibration (when there is one). */
export function thresholdRows(measured: readonly Threshold[], calibration: CalibrationReport | undefined): ThresholdRow[] {
  return measured.map((t) => {
    const correct = calibration === undefined ? undefined : correctRatios(calibration, t.property, t.dtype);
    return correct === undefined ? t : { ...t, correct };
  });
}

const pow2 = (k: number): string => `2^${Math.log2(k)}`;
const units = (k: number | null): string => (k === null ? `> ${pow2(LADDER[LADDER.length - 1])}` : `${k} (${pow2(k)})`);
const ratio = (x: number): string => (x === 0 ? '0' : x.toPrecision(3));

/** Writes both files. */
export function writeThresholdReport(jsonFile: string, mdFile: string, rows: readonly ThresholdRow[]): void {
  const doc = {
    command: COMMAND,
    ladderUnits: LADDER,
    seeds: SEEDS,
    detectedWhenKilledBy: DETECTED,
    runs: 'CLI defaults (100 cases, n ≤ 64, T ≤ 16), shrinking off (maxShrinks 0)',
    unitRoundoff: { float32: '2^-24', float64: '2^-53' },
    results: rows,
  };
  writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
  const md = [
    '# Detection thresholds',
    '',
    `Smallest uniform relative error ε = k·u (u = 2⁻²⁴ in float32, 2⁻⁵³ in float64) that a default run (100 cases, n ≤ 64, T ≤ 16) kills with seeds 1 … ${SEEDS.length} in at least ${DETECTED} of ${SEEDS.length} runs: the reference adapter with every result entry x returned as x·(1 + ε·s), s = ±1 fixed per entry by a hash of its bits and position; each run stops at its first failure (\`${COMMAND}\`). Beside it, from reports/calibration.json, the error/tolerance ratios that correct results reach: the median and largest over the passing calibration units (target × variant) of each unit's largest ratio, and the ratio bin of the median case.`,
    '',
    '| property | dtype | threshold (units of u) | ε | kill rate there | median cases to the first failure there | threshold, roundoff kills alone | correct results: units | median / largest unit max ratio | median case ratio |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const at = r.ladder.find((x) => x.units === r.thresholdUnits);
      const c = r.correct;
      const eps = r.thresholdUnits === null ? '—' : (r.thresholdUnits * unitRoundoff(r.dtype)).toPrecision(2);
      const roundoff = r.ladder.find((x) => x.killed - x.wideToleranceKills >= DETECTED)?.units ?? null;
      return `| ${r.property} | ${r.dtype} | ${units(r.thresholdUnits)} | ${eps} | ${at === undefined ? '—' : `${at.killed}/${at.seeds}`} | ${at?.casesToFirstFailure?.median ?? '—'} | ${units(roundoff)} | ${c?.units ?? 0} | ${c === undefined ? '—' : `${ratio(c.medianMaxRatio)} / ${ratio(c.maxRatio)}`} | ${c === undefined ? '—' : c.medianCaseBin === '0' ? '0 (exact)' : c.medianCaseBin} |`;
    }),
    '',
    '"Roundoff kills alone" counts only the kills whose failing entry had a tolerance below 2⁻¹⁰ of its value: the others fell on a kink, where a correct result may sit on the edge of the accepted subgradient interval (the reference takes relu\'(0) = 1, at ratio 1), or on an entry that cancels. Those runs stopped there, so this column is an upper bound.',
    '',
    `Kills out of ${SEEDS.length} seeds along the ladder (ε in units of u; in brackets, kills on a tolerance of at least 2⁻¹⁰ of the value):`,
    '',
    `| property | dtype | ${LADDER.map((k) => `${k}`).join(' | ')} |`,
    `|---|---|${LADDER.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.property} | ${r.dtype} | ${r.ladder.map((x) => (x.wideToleranceKills > 0 ? `${x.killed} (${x.wideToleranceKills})` : `${x.killed}`)).join(' | ')} |`,
    ),
  ];
  writeFileSync(mdFile, `${md.join('\n')}\n`);
}
