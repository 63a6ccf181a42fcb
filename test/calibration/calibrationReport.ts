/**
 * reports/calibration.json and calibration.md: the targets calibrated so far. A run keeps the
 * entries of the targets it did not run, so targets can be calibrated in separate runs (the slow ones
 * on their own); for a target it ran, it adds its cases to the entry when its seed is new and the
 * spec, framework version and sizes are the same (mergeCalibration.ts), else replaces it. Both files are written whole (atomicWriteFile: a temporary file per process, then a rename).
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rmdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { atomicWriteFile } from '../../src/report/atomicWrite.js';
import type { CalibratedTarget } from './calibrate.js';
import { calibrationTargets } from './calibrationTargets.js';
import { mergeCalibration, normalizeCalibrated, type StoredCalibratedTarget } from './mergeCalibration.js';

/** The calibration file. */
export interface CalibrationReport {
  /** How to reproduce. */ readonly command: string;
  /** One entry per target, in calibrationTargets order. */ readonly targets: readonly CalibratedTarget[];
}

/**
 * Runs `f` holding `${file}.lock` (a directory: mkdir is atomic), so that two runs finishing together
 * cannot both read the old file and the second write drop the first's entry.
 */
async function withLock<T>(file: string, f: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      await mkdir(lock);
      break;
    } catch (err) {
      // Recording takes milliseconds: a lock held for a minute was left by a killed run.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 600)
        throw new Error(`calibrate: cannot lock ${lock}; if no calibration is running, remove it`, { cause: err });
      await sleep(100);
    }
  }
  try {
    return await f();
  } finally {
    await rmdir(lock);
  }
}

/** Reads the file (if any), merges `entry` into its namesake or puts it in its place, and writes JSON and Markdown. */
export async function recordCalibration(jsonFile: string, mdFile: string, entry: CalibratedTarget): Promise<CalibrationReport> {
  return withLock(jsonFile, () => record(jsonFile, mdFile, entry));
}

async function record(jsonFile: string, mdFile: string, entry: CalibratedTarget): Promise<CalibrationReport> {
  const old: CalibrationReport | undefined = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as CalibrationReport) : undefined;
  const byLabel = new Map((old?.targets ?? []).map((t) => [t.label, normalizeCalibrated(t as StoredCalibratedTarget)]));
  byLabel.set(entry.label, mergeCalibration(byLabel.get(entry.label), entry));
  const order = calibrationTargets.map((t) => t.label);
  const targets = [...byLabel.values()].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  const report: CalibrationReport = { command: 'npm run calibrate (CALIBRATE_ONLY=label, CALIBRATE_CASES=N, CALIBRATE_SEED=S)', targets };
  await atomicWriteFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await atomicWriteFile(mdFile, calibrationMarkdown(report));
  return report;
}

const unitName = (u: CalibratedTarget['units'][number]): string => `${u.property}${u.variant !== undefined ? ` (${u.variant})` : ''}`;
const minutes = (ms: number): string => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** The summary table (one row per target) and, per target, the largest ratio of each unit. */
export function calibrationMarkdown(r: CalibrationReport): string {
  const rows = r.targets.map((t) => {
    const worst = [...t.units].sort((a, b) => b.maxRatio - a.maxRatio)[0];
    const maxN = `n ≤ ${t.maxN}, T ≤ ${t.maxT}`;
    return `| ${t.label} | ${t.version ?? '-'} | ${t.specVersion ?? '?'} | ${t.cases.toLocaleString('en')} | ${t.units.length} | ${maxN} | ${t.failures} | ${worst ? `${worst.maxRatio.toPrecision(3)} (${unitName(worst)})` : '-'} | ${minutes(t.durationMs)} |`;
  });
  const details = r.targets.flatMap((t) => [
    '',
    `### ${t.label}`,
    '',
    `spec ${t.specVersion ?? '(not recorded)'}; seed${t.seeds.length > 1 ? 's' : ''} ${t.seeds.join(', ')}; first ran ${t.ranAt}.`,
    '',
    '| unit | cases | verdict | largest ratio |',
    '|---|---|---|---|',
    ...t.units.map(
      (u) =>
        `| ${unitName(u)} | ${u.cases} | ${u.verdict}${u.failure ? `: ${u.failure.summary.replace(/\|/g, '\\|').slice(0, 200)}` : ''} | ${u.maxRatio.toPrecision(3)} |`,
    ),
  ]);
  return [
    '# False-positive calibration',
    '',
    "Each target ran the units its committed conformance report passes, on fresh cases (`npm run calibrate`, seeds below; runs of one target with different seeds add up, and a spec column of `?` marks an entry recorded before the spec version was kept). A failure here is either a false failure (a tolerance too tight for a correct result) or a true one that the default run's 100 cases missed; docs/calibration.md classifies each. The largest ratio says how close the backends come to their tolerance.",
    '',
    '| target | version | spec | cases | units | sizes | failures | largest error/tolerance (unit) | time |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...details,
    '',
  ].join('\n');
}
