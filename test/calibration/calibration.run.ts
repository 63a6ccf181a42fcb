/**
 * `npm run calibrate` (not part of `npm test`; hours for every target): CALIBRATE_CASES (default
 * 10⁵) cases per target of calibrationTargets.ts, or of those whose label contains one of the
 * comma-separated CALIBRATE_ONLY, recorded in reports/calibration.json and .md. CALIBRATE_SEED
 * (default 20261201) chooses the cases: a run with a seed the target's entry has not run adds its
 * cases to the entry (calibrationReport.ts), so a slow target reaches 10⁵ in parts. A target whose
 * framework or backend cannot start here is skipped with its reason; a failure (false or true, see calibrate.ts) fails the run.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { calibrate, type CalibratedTarget } from './calibrate.js';
import { recordCalibration } from './calibrationReport.js';
import { calibrationTargets } from './calibrationTargets.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** A seed of its own: the calibration's cases are not those of the default run (seed 12115063). */
const SEED = Number(process.env.CALIBRATE_SEED ?? 20261201);
const CASES = Number(process.env.CALIBRATE_CASES ?? 100_000);
const only = process.env.CALIBRATE_ONLY?.split(',')
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const chosen = calibrationTargets.filter((t) => only === undefined || only.some((o) => t.label.includes(o)));

it.each(chosen.map((t) => [t.label, t] as const))('%s', async (_label, t) => {
  let entry: CalibratedTarget;
  try {
    entry = await calibrate(t, CASES, SEED, ROOT);
  } catch (err) {
    // A framework that is not installed or a backend that cannot start here: say so, record nothing.
    console.warn(`calibrate: ${t.label} skipped: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return;
  }
  await recordCalibration(join(ROOT, 'reports', 'calibration.json'), join(ROOT, 'reports', 'calibration.md'), entry);
  console.log(`calibrate: ${t.label}: ${entry.cases} cases, ${entry.failures} failures, ${Math.round(entry.durationMs / 1000)} s`);
  expect(entry.units.filter((u) => u.failure !== undefined).map((u) => `${u.property} ${u.variant ?? ''}: ${u.failure!.summary}`)).toEqual([]);
});
