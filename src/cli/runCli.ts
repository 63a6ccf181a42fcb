/**
 * The `rnn-jac-spec` command, once main.ts has read argv and started the adapter host. Exit codes: 0 all applicable properties pass (or fail as the
 * expectation file expects), 1 a property failed unexpectedly or an expected failure passed, 2 no
 * verdict (bad usage, a malformed expectation file, an adapter that cannot load or start, a run
 * that tested nothing, adapter faults outside any case), 130/143 interrupted.
 * @packageDocumentation
 */
import { AdapterLoadError, loadAdapter } from '../adapters/loadAdapter.js';
import { applyExpectations, markResult } from '../expectations/applyExpectations.js';
import { ExpectationsError, loadExpectations } from '../expectations/parseExpectations.js';
import { expectationsFile } from '../expectations/shippedExpectations.js';
import type { AdapterHost, HostFault } from '../host/adapterHost.js';
import { inProcessHost } from '../host/inProcessHost.js';
import { killGroup, type EarlyStart } from '../host/hostChild.js';
import { startProcessHost } from '../host/processHost.js';
import { properties, PROPERTY_IDS } from '../property/properties.js';
import { openReportDir, ReportDirError, type ReportDir } from '../report/reportDir.js';
import type { RunResult } from '../result.js';
import { run, runResultOf, RunSetupError, type RunExtra } from '../runner/run.js';
import { packageVersion } from '../spec/packageRoot.js';
import { specDocument } from '../spec/specDocument.js';
import { errorText, safeLine } from '../text/safeText.js';
import { parseCliOptions } from './cliOptions.js';
import { onInterrupt } from './interrupt.js';
import { expectedDurationLine } from './expectedDuration.js';
import { mergeCommand } from './mergeCommand.js';
import { vectorsCommand } from './vectorsCommand.js';
import { liveTable } from './liveTable.js';
import { progressLine } from './progressLine.js';
import { reportRun } from './reportRun.js';
import { runJobs } from './runJobs.js';
import { runLine, toolPart } from './summary.js';
import { listing, usage } from './usage.js';
import { UsageError } from './usageError.js';

/**
 * Runs the CLI on argv (without node and script) and resolves to the exit code. `early`: the adapter
 * host that main.ts started from a quick reading of argv; it is used when the run asks for the same
 * start, and killed otherwise.
 */
export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  early?: EarlyStart,
): Promise<number> {
  let unused = early;
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1), out, err);
  if (argv[0] === 'vectors') return vectorsCommand(argv.slice(1), out, err);
  let host: AdapterHost | undefined;
  let reports: ReportDir | undefined;
  let stopInterrupts: (() => void) | undefined;
  try {
    const o = parseCliOptions(argv);
    if (o.mode === 'help') return (void out.write(usage()), 0);
    if (o.mode === 'version') return (void out.write(`${packageVersion()}\n`), 0);
    if (o.mode === 'list') return (void out.write(listing()), 0);
    // Read before the run, so that a bad file or directory costs no run time.
    // `--expectations tfjs`: the file shipped for the installed framework version.
    const expectationsPath = o.expectations === undefined ? undefined : expectationsFile(o.expectations);
    const expectations = expectationsPath === undefined ? undefined : await loadExpectations(expectationsPath, PROPERTY_IDS);
    reports = openReportDir(o.report, o.formats);
    const dir = reports;
    const startedAt = new Date();
    const runOptions = {
      adapterSpec: o.adapter!,
      backend: o.backend,
      variant: o.variant,
      dtype: o.dtype,
      properties: o.properties,
      runs: o.runs,
      seed: o.seed,
      path: o.path,
      maxN: o.maxN,
      maxT: o.maxT,
      timeoutMs: o.timeoutMs,
      maxShrinks: o.maxShrinks,
      timeBudgetMs: o.timeBudgetMs,
      unitTimeBudgetMs: o.unitTimeBudgetMs,
      shard: o.shard,
      opts: o.opts,
    };
    /** The run as a report before its adapter started: no unit, and why. */
    const unstarted = (extra: RunExtra): RunResult => runResultOf(runOptions, { name: safeLine(o.adapter, 100), isolation: o.isolation }, startedAt, [], extra);
    const withExpectations = (r: RunResult): RunResult => (expectations === undefined ? r : applyExpectations(r, expectations, expectationsPath!));
    if (o.jobs > 1) return await runJobs(argv, o, withExpectations, reports, unstarted, out, err);
    const progress = progressLine(err as NodeJS.WriteStream);
    // The first line at once, the adapter's line and the column titles once it started, a row per unit
    // as it ends: a CI log shows the run as it goes (and a heartbeat while one unit runs long).
    const tool = { name: 'rnn-jac-spec' as const, version: packageVersion(), specVersion: specDocument().specVersion };
    out.write(`${toolPart(tool)}: ${runLine({ options: runOptions })}\n`);
    const table = liveTable(out, err, { heartbeat: progress.onProgress === undefined, beforeWrite: progress.clear });
    /** The early host, handed over once (startProcessHost uses it or kills it). */
    const takeEarly = (): EarlyStart | undefined => {
      const e = unused;
      unused = undefined;
      return e;
    };
    let soFar: ((faults?: readonly HostFault[]) => RunResult) | undefined;
    // From here on every way the run ends leaves a whole report set, even before the adapter started.
    stopInterrupts = onInterrupt((signal, exitCode) => {
      host?.kill();
      progress.done();
      table.stop();
      reportRun(withExpectations(soFar?.() ?? unstarted({ interrupted: true })), dir, o.formats, out, undefined, { streamed: soFar !== undefined });
      err.write(`rnn-jac-spec: interrupted by ${signal}; the reports hold the units that ended\n`);
      return exitCode;
    });
    // What the checks will use starts while the adapter does (the expected-value worker).
    for (const id of o.properties) properties[id].prepare?.();
    try {
      host =
        o.isolation === 'none'
          ? await inProcessHost(await loadAdapter(o.adapter!, { ...o.opts }), { catchFaults: true })
          : await startProcessHost({ spec: o.adapter!, options: { ...o.opts }, timeoutMs: o.timeoutMs }, takeEarly());
    } catch (e) {
      const message = e instanceof AdapterLoadError ? e.message : `the adapter host could not be started: ${errorText(e)}`;
      dir.write(withExpectations(unstarted({ faults: [{ during: 'start', message }] })));
      throw e;
    }
    let ran: RunResult;
    try {
      ran = await run({
        ...runOptions,
        host,
        startedAt,
        onProgress: (p) => {
          progress.onProgress?.(p);
          table.progress(p.label, p.cases);
        },
        onStart: (f, _units, plan) => {
          soFar = f;
          table.start(plan, `rnn-jac-spec: ${expectedDurationLine(o.adapter!, plan, o)}`);
        },
        onResult: (r) => table.row(expectations === undefined ? r : markResult(r, expectations)),
      }).finally(() => {
        progress.done();
        table.stop();
      });
    } catch (e) {
      // No verdict, but the units that ended (none, for a run option the adapter cannot honour) are reported.
      const message = e instanceof RunSetupError ? e.message : `internal error of rnn-jac-spec: ${e instanceof Error ? e.message : errorText(e)}`;
      const fault = [{ during: e instanceof RunSetupError ? 'start' : 'rnn-jac-spec', message: safeLine(message, 2000) }];
      dir.write(withExpectations(soFar?.(fault) ?? unstarted({ faults: fault })));
      throw e;
    }
    const faults = await host.close(o.timeoutMs);
    host = undefined;
    return reportRun(withExpectations(faults.length > 0 ? { ...ran, faults } : ran), reports, o.formats, out, err, { streamed: true });
  } catch (e) {
    if (e instanceof UsageError) return (void err.write(`rnn-jac-spec: ${e.message}\nRun 'rnn-jac-spec --help' for the options.\n`), 2);
    if (e instanceof AdapterLoadError || e instanceof RunSetupError || e instanceof ExpectationsError || e instanceof ReportDirError)
      return (void err.write(`rnn-jac-spec: ${e.message}\n`), 2);
    err.write(`rnn-jac-spec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : errorText(e)}\n`);
    return 2;
  } finally {
    stopInterrupts?.();
    if (unused !== undefined) killGroup(unused.child.proc);
    host?.kill();
    reports?.release();
  }
}
