/**
 * `--shard i/N` and `rnn-jac-spec merge`, through the built CLI: the three shards of a run, merged,
 * give the verdicts, case counts, ratios and counterexamples of the unsharded run with the same seed;
 * overlaps, gaps and shards of different runs are refused (exit 2). `--jobs N` runs the N shards in
 * child processes and gives the unsharded run's results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.js';
import { shardOf } from '../../src/runner/run.js';
import { cli, ensureBuilt, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** What must not change between a sharded and an unsharded run (timings do). */
function verdicts(r: RunResult) {
  return {
    summary: r.summary,
    results: r.results.map((x) => ({
      property: x.property,
      target: x.target,
      verdict: x.verdict,
      cases: x.cases,
      maxRatio: x.maxRatio,
      counterexample: x.counterexample && { case: x.counterexample.case, path: x.counterexample.path, replay: x.counterexample.replay },
    })),
  };
}

describe('shardOf', () => {
  it('deals units round-robin, so that the shards partition them', () => {
    const units = Array.from({ length: 10 }, (_, k) => k);
    const shards = [1, 2, 3].map((index) => shardOf(units, { index, count: 3 }));
    expect(shards).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(shardOf(units, { index: 5, count: 12 })).toEqual([4]);
    expect(shardOf(units, { index: 11, count: 12 })).toEqual([]);
    expect(shardOf(units, undefined)).toEqual(units);
  });
});

describe.each([
  ['reference', ['--adapter', 'reference', '--runs', '10', '--max-n', '8', '--max-t', '4']],
  ['examples/transposed-adapter.mjs (failures, shrunk counterexamples)', ['--adapter', './examples/transposed-adapter.mjs', '--runs', '20']],
])('--shard 1/3, 2/3, 3/3 then merge: %s', (_name, args) => {
  let whole: { status: number | null; report: RunResult };
  let shards: string[];
  beforeAll(() => {
    const dir = reportDir();
    whole = { status: cli([...args, '--report', dir]).status, report: readReport(dir) };
    shards = [1, 2, 3].map((i) => {
      const d = reportDir();
      const r = cli([...args, '--shard', `${i}/3`, '--report', d, '--format', 'json']);
      expect(r.stderr).toBe('');
      return d;
    });
  });

  it('gives the same verdicts, case counts, ratios and counterexamples as one unsharded run, and exits as it does', () => {
    const dir = reportDir();
    const merged = cli(['merge', shards[2], shards[0], shards[1], '--report', dir]);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(whole.status);
    const report = readReport(dir);
    expect(verdicts(report)).toEqual(verdicts(whole.report));
    expect(report.options).toEqual(whole.report.options);
    expect(merged.stdout).toMatch(
      new RegExp(
        `^${whole.report.summary.pass} passed, ${whole.report.summary.fail} failed, ${whole.report.summary.notApplicable} not applicable: ${whole.report.summary.cases} cases( \\(shrinking included\\))? in `,
        'm',
      ),
    );
  });

  it('--jobs 3 gives the same report as one process, and exits as it does', () => {
    const dir = reportDir();
    const r = cli([...args, '--jobs', '3', '--report', dir, '--format', 'json,md']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(whole.status);
    const report = readReport(dir);
    expect(verdicts(report)).toEqual(verdicts(whole.report));
    expect(report.options).toEqual(whole.report.options);
    expect(r.stdout).toContain(`${whole.report.summary.pass} passed, ${whole.report.summary.fail} failed`);
  });

  it('each shard holds its own units only, and says which shard it is', () => {
    const parts = shards.map(readReport);
    expect(parts.map(({ options: { shard } }) => shard && { index: shard.index, count: shard.count, units: shard.units })).toEqual(
      [1, 2, 3].map((index) => ({ index, count: 3, units: whole.report.results.length })),
    );
    // One plan: the same units dealt from the same declaration.
    expect(parts[0].options.shard?.plan).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(parts.map((p) => p.options.shard?.plan)).size).toBe(1);
    expect(parts.reduce((s, p) => s + p.results.length, 0)).toBe(whole.report.results.length);
  });

  it('refuses a gap, an overlap and shards of different runs (exit 2)', () => {
    const gap = cli(['merge', shards[0], shards[2]]);
    expect(gap.status).toBe(2);
    expect(gap.stderr).toContain('gap: shard 2/3 missing (have 1/3, 3/3)');
    const overlap = cli(['merge', shards[0], shards[1], shards[1], shards[2]]);
    expect(overlap.status).toBe(2);
    expect(overlap.stderr).toMatch(/overlap: .* and .* are both shard 2\/3/);
    const other = reportDir();
    cli([...args, '--seed', '7', '--shard', '2/3', '--report', other, '--format', 'json']);
    const mixed = cli(['merge', shards[0], other, shards[2]]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('come from different runs');
  });
});

describe('shards whose adapters declare differently', () => {
  // The fixture declares its dtypes in the other order in the process of shard 1 (Linux: it reads its
  // runner's command line). Merged by position, its wrong float64 unit would be left out.
  const adapter = './test/hostile/fixtures/jobs-declare-other.mjs';
  const args = ['--adapter', adapter, '--runs', '20', '--properties', 'step-jacobian,forward'];

  it.runIf(process.platform === 'linux')('--jobs: exit 2, with a fault that says the shards were dealt from different plans', () => {
    expect(cli([...args, '--report', reportDir()]).status).toBe(1);
    const dir = reportDir();
    const r = cli([...args, '--jobs', '3', '--report', dir]);
    expect(r.status, r.stdout).toBe(2);
    expect(r.stderr).toContain('were dealt from different plans');
    const report = readReport(dir);
    expect(report.faults?.some((f) => f.message.includes('were dealt from different plans'))).toBe(true);
    // No unit is reported twice, and none from another shard's position.
    const keys = report.results.map((u) => `${u.property} ${u.target.dtype}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.runIf(process.platform === 'linux')('merge refuses them (exit 2)', () => {
    const dirs = [1, 2, 3].map(() => reportDir());
    for (const [k, d] of dirs.entries()) cli([...args, '--shard', `${k + 1}/3`, '--report', d, '--format', 'json']);
    const r = cli(['merge', ...dirs.map((d) => join(d, 'rnn-jac-spec.json'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('were dealt from different plans');
  });
});

describe('bad --shard and merge arguments', () => {
  it.each(['0/3', '4/3', '1/0', 'two/3', '1'])('--shard %s exits 2 and shows the form', (v) => {
    const r = cli(['--adapter', 'reference', '--shard', v]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--shard takes i/N with 1 ≤ i ≤ N');
  });

  it('--jobs with --shard or --replay, and --jobs 0, exit 2 and say why', () => {
    const both = cli(['--adapter', 'reference', '--jobs', '2', '--shard', '1/2']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--jobs and --shard do not combine');
    const replay = cli(['--adapter', 'reference', '--jobs', '2', '--replay', '1:0']);
    expect(replay.status).toBe(2);
    expect(replay.stderr).toContain('--jobs does not apply to --replay');
    expect(cli(['--adapter', 'reference', '--jobs', '0']).status).toBe(2);
  });

  it("--jobs with an adapter that cannot load exits 2 with the loader's message, and a report set that says why", () => {
    const dir = reportDir();
    const r = cli(['--adapter', './no-such-adapter.mjs', '--jobs', '2', '--report', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('adapter file not found');
    const report = JSON.parse(readFileSync(join(dir, 'rnn-jac-spec.json'), 'utf8')) as RunResult;
    expect(report.results).toEqual([]);
    expect(report.faults?.[0].message).toContain('adapter file not found');
  });

  it('merge without reports, or of an unsharded report, exits 2 and says why', () => {
    const none = cli(['merge']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('merge needs the reports of the shards');
    const dir = reportDir();
    cli(['--adapter', 'reference', '--runs', '2', '--max-n', '3', '--properties', 'step-jacobian', '--report', dir, '--format', 'json']);
    const unsharded = cli(['merge', dir]);
    expect(unsharded.status).toBe(2);
    expect(unsharded.stderr).toContain('not a shard report (run with --shard i/N)');
    const missing = cli(['merge', `${dir}/nope.json`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
  });
});
