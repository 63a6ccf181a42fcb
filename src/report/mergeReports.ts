/**
 * `rnn-jac-spec merge`: the JSON reports of the shards of one run (`--shard i/N`, i = 1 … N) back into
 * the report one unsharded run would have written. This is how a user spreads the suite over the jobs
 * of a CI matrix.
 * @packageDocumentation
 */
import type { PropertyResult, RunResult } from '../result.js';
import { summarize } from '../runner/summarize.js';

/** Shard reports that do not make one run: overlaps, gaps, or different runs. The message says which. */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** The tool, adapter and options every shard of one run shares (all but the shard itself). */
function runKey(r: RunResult): string {
  const { shard: _shard, ...options } = r.options;
  return JSON.stringify({ tool: r.tool, adapter: { spec: r.adapter.spec, name: r.adapter.name, info: r.adapter.info }, options });
}

/**
 * Merges shard reports. They must come from one run (same tool, adapter, seed and options) split by
 * `--shard i/N` with one N, each index 1 … N exactly once, each holding the units its index is dealt;
 * the merged results are in unsharded report order. Durations are summed (the compute the shards
 * spent, not the wall time of a parallel CI), the start is the earliest shard's, and the summary is
 * counted anew from the results.
 * @param reports - the shard reports, in any order, with the names they were read from
 * @returns the merged run, without `options.shard`
 * @throws MergeError naming the reports that overlap, the missing shards, or the option that differs
 */
export function mergeReports(reports: readonly { readonly name: string; readonly report: RunResult }[]): RunResult {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  const unsharded = reports.filter((r) => r.report.options.shard === undefined);
  if (unsharded.length > 0) throw new MergeError(`${unsharded.map((r) => r.name).join(', ')}: not a shard report (run with --shard i/N)`);
  const first = reports[0];
  const { count, units } = first.report.options.shard!;
  for (const r of reports) {
    if (runKey(r.report) !== runKey(first.report))
      throw new MergeError(
        `${r.name} and ${first.name} come from different runs (tool, adapter or options differ): shards of one run share every option but --shard`,
      );
    const s = r.report.options.shard!;
    if (s.count !== count || s.units !== units)
      throw new MergeError(
        `${r.name} is shard ${s.index}/${s.count} of ${s.units} units, ${first.name} shard ${first.report.options.shard!.index}/${count} of ${units}: one run has one shard count`,
      );
  }
  const unlike = reports.find((r) => r.report.options.shard!.plan !== first.report.options.shard!.plan);
  if (unlike !== undefined) throw new MergeError(planMismatch(unlike.name, first.name));
  const byIndex = new Map<number, (typeof reports)[number]>();
  for (const r of reports) {
    const i = r.report.options.shard!.index;
    const twice = byIndex.get(i);
    if (twice !== undefined) throw new MergeError(`overlap: ${twice.name} and ${r.name} are both shard ${i}/${count}`);
    byIndex.set(i, r);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new MergeError(
      `gap: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (have ${[...byIndex.keys()]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${count}`)
        .join(', ')})`,
    );
  for (const [i, r] of byIndex) {
    const expected = Math.floor((units - i) / count) + 1;
    if (r.report.results.length !== (i <= units ? expected : 0))
      throw new MergeError(`${r.name} holds ${r.report.results.length} results where shard ${i}/${count} of ${units} units has ${i <= units ? expected : 0}`);
  }
  // Unit k went to shard k mod count + 1, as its (k div count)-th result.
  const results = Array.from({ length: units }, (_, k) => byIndex.get((k % count) + 1)!.report.results[Math.floor(k / count)]);
  const { shard: _shard, ...options } = first.report.options;
  const all = reports.map((r) => r.report);
  // Every shard's faults and interruption, whatever the order of the arguments.
  const faults = all.flatMap((r) => r.faults ?? []);
  const { faults: _f, interrupted: _i, ...head } = first.report;
  const kept = withoutStrayExpectations(results, options.expectations !== undefined);
  return {
    ...head,
    options,
    startedAt: all.map((r) => r.startedAt).sort()[0],
    durationMs: all.reduce((s, r) => s + r.durationMs, 0),
    results: kept,
    summary: summarize(kept, options.expectations !== undefined),
    ...(faults.length > 0 ? { faults } : {}),
    ...(all.some((r) => r.interrupted === true) ? { interrupted: true as const } : {}),
  };
}

/** Why two shards cannot merge although their options agree. */
function planMismatch(a: string, b: string): string {
  return `${a} and ${b} were dealt from different plans: their adapters declared other dtypes, activations, forms, variants or members (shards merge by position, so each must see the same declaration)`;
}

/**
 * The results as a merge may keep them: an `expectation` outcome only where the run applied an
 * expectation file (a report edited to call a failure expected must not turn a merge green).
 */
function withoutStrayExpectations(results: readonly PropertyResult[], applied: boolean): PropertyResult[] {
  return applied ? [...results] : results.map(({ expectation: _e, ...r }) => r);
}

/**
 * The shards of an interrupted or broken `--jobs` run put back together: each shard's results are a
 * prefix of the units dealt to it, so the merge keeps, in unit order, the results that exist, with
 * the faults of every shard, and marks the run interrupted when it was. The shards must come from
 * one run (each is a child of the same `--jobs` run).
 * @param reports - the shard reports that were written (interrupted ones hold fewer results, lost ones none)
 * @param interrupted - whether the run itself was interrupted
 * @returns the run so far, without `options.shard`
 */
export function mergePartialShards(reports: readonly { readonly name: string; readonly report: RunResult }[], interrupted: boolean): RunResult {
  if (reports.length === 0) throw new MergeError('no shard wrote a report');
  // A child stopped before its adapter started knows neither the units nor the adapter: take a shard that does.
  const first = reports.find((r) => (r.report.options.shard?.units ?? 0) > 0)?.report ?? reports[0].report;
  const { count, units, plan } = first.options.shard!;
  // A shard dealt from another plan holds other units at the same positions: it is left out (the run's
  // faults say why the shards did not merge).
  const byIndex = new Map(reports.filter((r) => r.report.options.shard!.plan === plan).map((r) => [r.report.options.shard!.index, r.report]));
  const results = withoutStrayExpectations(
    Array.from({ length: units }, (_, k) => byIndex.get((k % count) + 1)?.results[Math.floor(k / count)]).filter((r) => r !== undefined),
    first.options.expectations !== undefined,
  );
  const { shard: _s, ...options } = first.options;
  const faults = reports.flatMap((r) => r.report.faults ?? []);
  const { interrupted: _i, faults: _f, ...head } = first;
  return {
    ...head,
    options,
    startedAt: reports.map((r) => r.report.startedAt).sort()[0],
    results,
    summary: summarize(results, options.expectations !== undefined),
    ...(faults.length > 0 ? { faults } : {}),
    ...(interrupted ? { interrupted: true as const } : {}),
  };
}
