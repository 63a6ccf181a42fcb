#!/usr/bin/env node
/**
 * The `rnn-jac-spec` command. Exit codes: 0 all applicable properties pass (or fail as the
 * expectation file expects), 1 a property failed unexpectedly or an expected failure passed, 2 bad
 * usage, a malformed expectation file or an adapter that cannot load.
 * @packageDocumentation
 */
import { AdapterLoadError, loadAdapter } from '../adapters/loadAdapter.js';
import type { Adapter } from '../contract.js';
import { applyExpectations } from '../expectations/applyExpectations.js';
import { ExpectationsError, loadExpectations } from '../expectations/parseExpectations.js';
import { PROPERTY_IDS } from '../property/properties.js';
import { run, RunSetupError } from '../runner/run.js';
import { packageVersion } from '../spec/packageRoot.js';
import { parseCliOptions } from './cliOptions.js';
import { mergeCommand } from './mergeCommand.js';
import { vectorsCommand } from './vectorsCommand.js';
import { progressLine } from './progressLine.js';
import { reportRun } from './reportRun.js';
import { runJobs } from './runJobs.js';
import { listing, usage } from './usage.js';
import { UsageError } from './usageError.js';

/** Runs the CLI on argv (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[], out = process.stdout, err = process.stderr): Promise<number> {
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1), out, err);
  if (argv[0] === 'vectors') return vectorsCommand(argv.slice(1), out, err);
  let adapter: Adapter | undefined;
  try {
    const o = parseCliOptions(argv);
    if (o.mode === 'help') return void out.write(usage()), 0;
    if (o.mode === 'version') return void out.write(`${packageVersion()}\n`), 0;
    if (o.mode === 'list') return void out.write(listing()), 0;
    // Read before the run, so that a bad file costs no run time.
    const expectations = o.expectations === undefined ? undefined : await loadExpectations(o.expectations, PROPERTY_IDS);
    if (o.jobs > 1) return await runJobs(argv, o, expectations, out, err);
    adapter = await loadAdapter(o.adapter!, { ...o.opts });
    const progress = progressLine(err);
    const ran = await run({
      adapter, adapterSpec: o.adapter!, backend: o.backend, variant: o.variant, dtype: o.dtype,
      properties: o.properties, runs: o.runs, seed: o.seed, path: o.path, maxN: o.maxN, maxT: o.maxT,
      timeoutMs: o.timeoutMs, maxShrinks: o.maxShrinks, shard: o.shard, opts: o.opts, onProgress: progress.onProgress,
    }).finally(progress.done);
    const result = expectations === undefined ? ran : applyExpectations(ran, expectations, o.expectations!);
    return await reportRun(result, o.report, o.formats, out);
  } catch (e) {
    if (e instanceof UsageError) return void err.write(`rnn-jac-spec: ${e.message}\nRun 'rnn-jac-spec --help' for the options.\n`), 2;
    if (e instanceof AdapterLoadError || e instanceof RunSetupError || e instanceof ExpectationsError) return void err.write(`rnn-jac-spec: ${e.message}\n`), 2;
    err.write(`rnn-jac-spec: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  } finally {
    await adapter?.dispose?.();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
