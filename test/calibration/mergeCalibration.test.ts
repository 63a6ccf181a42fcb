import { describe, expect, it } from 'vitest';
import type { CalibratedTarget } from './calibrate.js';
import { canMergeCalibration, mergeCalibration, normalizeCalibrated } from './mergeCalibration.js';

const entry = (seed: number, over: Partial<CalibratedTarget> = {}): CalibratedTarget => ({
  label: 'tfjs cpu float32',
  spec: 'tfjs',
  backend: 'cpu',
  dtype: 'float32',
  version: '4.22.0',
  specVersion: '1.0.1',
  seeds: [seed],
  casesRequested: 20,
  runsPerUnit: 10,
  maxN: 64,
  maxT: 16,
  cases: 20,
  failures: 0,
  durationMs: 1000,
  ranAt: `2026-12-01T00:00:0${seed % 10}.000Z`,
  units: [
    { property: 'step-jacobian', variant: 'grads', cases: 10, verdict: 'pass', maxRatio: 0.1 * seed, ratioHistogram: [1, 9] },
    { property: 'forward', variant: 'grads', cases: 10, verdict: 'pass', maxRatio: 0.5, ratioHistogram: [0, 10] },
  ],
  ...over,
});

describe('mergeCalibration', () => {
  it('adds the cases, durations and histograms of a run with a new seed, keeping the largest ratio', () => {
    const m = mergeCalibration(entry(1), entry(2));
    expect(m.seeds).toEqual([1, 2]);
    expect(m.cases).toBe(40);
    expect(m.casesRequested).toBe(40);
    expect(m.durationMs).toBe(2000);
    expect(m.ranAt).toBe(entry(1).ranAt);
    expect(m.units.map((u) => [u.property, u.cases, u.maxRatio, u.ratioHistogram])).toEqual([
      ['step-jacobian', 20, 0.2, [2, 18]],
      ['forward', 20, 0.5, [0, 20]],
    ]);
  });

  it('carries a failure of either run into the merged unit and counts it', () => {
    const failing = entry(2, {
      failures: 1,
      units: [{ ...entry(2).units[0], verdict: 'fail', failure: { summary: 'x', replay: 'npx rnn-jac-spec …' } }, entry(2).units[1]],
    });
    const m = mergeCalibration(entry(1), failing);
    expect(m.failures).toBe(1);
    expect(m.units[0]).toMatchObject({ verdict: 'fail', failure: { summary: 'x' } });
  });

  it.each([
    ['the same seed (the same cases)', entry(1)],
    ['another spec version', entry(2, { specVersion: '1.0.2' })],
    ['another framework version', entry(2, { version: '4.23.0' })],
    ['other sizes', entry(2, { maxN: 32 })],
    ['other units', entry(2, { units: entry(2).units.slice(0, 1) })],
  ])('replaces the entry for %s', (_why, next) => {
    expect(canMergeCalibration(entry(1), next)).toBe(false);
    expect(mergeCalibration(entry(1), next)).toBe(next);
  });

  it('replaces an entry whose spec version was not recorded', () => {
    const { specVersion: _, ...old } = entry(1);
    expect(mergeCalibration(old, entry(2))).toEqual(entry(2));
  });

  it('reads the single seed of entries recorded before seeds were kept', () => {
    const { seeds: _, ...rest } = entry(7);
    expect(normalizeCalibrated({ ...rest, seed: 7 }).seeds).toEqual([7]);
    expect(normalizeCalibrated(entry(7))).toEqual(entry(7));
  });
});

describe('recordCalibration', () => {
  it('keeps both entries when two runs record at once, and adds up a second seed', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { recordCalibration } = await import('./calibrationReport.js');
    const dir = await mkdtemp(join(tmpdir(), 'rjs-cal-'));
    const json = join(dir, 'calibration.json');
    const md = join(dir, 'calibration.md');
    const other = { ...entry(1), label: 'tfjs wasm float32', backend: 'wasm' };
    await Promise.all([recordCalibration(json, md, entry(1)), recordCalibration(json, md, other)]);
    await recordCalibration(json, md, entry(2));
    const report = JSON.parse(await readFile(json, 'utf8')) as { targets: CalibratedTarget[] };
    expect(report.targets.map((t) => [t.label, t.seeds, t.cases])).toEqual([
      ['tfjs cpu float32', [1, 2], 40],
      ['tfjs wasm float32', [1], 20],
    ]);
    expect(await readFile(md, 'utf8')).toContain('seeds 1, 2');
  });
});
