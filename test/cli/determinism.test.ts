/**
 * Runs are deterministic for a seed (the JSON report is identical but for timings, the cases drawn are
 * the same) and another seed draws other cases; the progress line stays off CI logs and pipes.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, fixture, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** Timing fields: the only parts of a report that may differ between two runs of one seed. */
const TIMINGS = new Set(['durationMs', 'startedAt']);

/** A deep copy of a JSON value without the keys in `drop`, at any depth. */
function without(value: unknown, drop: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, drop));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !drop.has(k))
      .map(([k, v]) => [k, without(v, drop)]),
  );
}

function md5(value: unknown): string {
  return createHash('md5').update(JSON.stringify(value)).digest('hex');
}

/** The JSON report of `--adapter reference --runs 10 --seed SEED`, without timings. */
function referenceReport(seed: number): Record<string, unknown> {
  const dir = reportDir();
  const r = cli(['--adapter', 'reference', '--runs', '10', '--seed', String(seed), '--report', dir]);
  expect(r.status, r.stderr).toBe(0);
  return without(readReport(dir), TIMINGS) as Record<string, unknown>;
}

/**
 * The digests of the cases the case-digests fixture was given in a run with `--seed SEED` (step,
 * kink and gradient-bound cases in both dtypes), sorted: the adapter prints one per call.
 */
function drawnCases(seed: number): string[] {
  const r = cli(['--adapter', fixture('case-digests.mjs'), '--runs', '10', '--seed', String(seed), '--report', reportDir()]);
  expect(r.status, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/^\[adapter\] case ([0-9a-f]{40})$/gm)].map((m) => m[1]).sort();
}

describe('determinism', () => {
  let seven: Record<string, unknown>;
  beforeAll(() => {
    seven = referenceReport(7);
  });

  it('two runs with the same seed give the same JSON report, timings aside', () => {
    const again = referenceReport(7);
    expect(again).toEqual(seven);
    expect(md5(again)).toBe(md5(seven));
  });

  it("another seed gives other cases: none of the cases seed 8 draws is one of seed 7's", () => {
    const first = drawnCases(7);
    expect(first.length).toBeGreaterThan(0);
    // The digests are a function of the cases alone: the same seed gives them again.
    expect(drawnCases(7)).toEqual(first);
    const other = drawnCases(8);
    expect(other).toHaveLength(first.length);
    expect(other.filter((d) => first.includes(d))).toEqual([]);
  });
});

describe('progress line', () => {
  const args = ['--adapter', './examples/minimal-adapter.mjs', '--runs', '5', '--properties', 'step-jacobian,kink-subgradient'];

  it.each([
    ['CI=true', { CI: 'true' }],
    ['no CI, stderr a pipe', { CI: undefined }],
  ])('is off with %s: no carriage return on stderr', (_what, env) => {
    const r = cli([...args, '--report', reportDir()], env);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('\r');
    expect(r.stdout).not.toContain('\r');
  });
});
