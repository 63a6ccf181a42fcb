/**
 * An adapter call that throws, returns NaN or never settles fails its case (exit code 1, with the
 * failure kind in the report); it never crashes the run (exit code 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.js';
import { cli, ensureBuilt, fixture, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** Runs the CLI on a fixture adapter; returns the run and its JSON report. */
function runFixture(name: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string; report: RunResult } {
  const dir = reportDir();
  const r = cli(['--adapter', fixture(name), ...args, '--report', dir]);
  return { ...r, report: readReport(dir) };
}

/** The only failing result of a report. */
function onlyFailure(report: RunResult) {
  const failed = report.results.filter((p) => p.verdict === 'fail');
  expect(failed).toHaveLength(1);
  return failed[0];
}

describe('adapter calls that go wrong fail the case, not the run', () => {
  it('a throw (for n > 3) is a `threw` failure, shrunk to n = 4', () => {
    const r = runFixture('throws-above-3.mjs', ['--runs', '30', '--properties', 'step-jacobian', '--dtype', 'float64']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    const f = onlyFailure(r.report);
    expect(f.counterexample?.failure.kind).toBe('threw');
    expect(f.counterexample?.failure.summary).toContain('RangeError: hidden size 4 is not supported');
    expect(f.counterexample?.case.n).toBe(4);
    expect(r.stdout).toContain('Failure: threw of stepJacobian');
    expect(r.stdout).toMatch(/^0 passed, 1 failed/m);
  });

  it('NaN is a `non-finite` failure', () => {
    const r = runFixture('returns-nan.mjs', ['--runs', '5', '--properties', 'step-jacobian']);
    expect(r.status, r.stderr).toBe(1);
    const f = onlyFailure(r.report);
    expect(f.counterexample?.failure.kind).toBe('non-finite');
    expect(f.counterexample?.failure.summary).toContain('NaN');
    expect(r.stdout).toContain('Failure: non-finite of');
  });

  it('a promise that never settles is a `timeout` failure, and the run finishes', { timeout: 60_000 }, () => {
    const started = Date.now();
    const r = runFixture('never-resolves.mjs', ['--timeout', '200', '--runs', '3', '--properties', 'step-jacobian']);
    expect(r.status, r.stderr).toBe(1);
    const f = onlyFailure(r.report);
    expect(f.counterexample?.failure.kind).toBe('timeout');
    expect(f.counterexample?.failure.summary).toContain('did not return within 200 ms');
    expect(r.stdout).toContain('Failure: timeout of stepJacobian');
    expect(Date.now() - started).toBeLessThan(50_000);
  });
});

describe('replay lines', () => {
  // node:util parseArgs refuses an option value that starts with '-': the replay line must write
  // `--replay=SEED:PATH` as one word for a negative seed to replay.
  it('a negative seed gives a replay line that replays', () => {
    const r = cli([
      '--adapter',
      './examples/transposed-adapter.mjs',
      '--seed=-5',
      '--dtype',
      'float64',
      '--properties',
      'step-jacobian',
      '--report',
      reportDir(),
    ]);
    expect(r.status).toBe(1);
    const line = /^\s*Replay: npx rnn-jac-spec (.*)$/m.exec(r.stdout)![1];
    // No quoting is needed for these words (no spaces, no quotes).
    const replay = cli([...line.split(' '), '--report', reportDir()]);
    expect(replay.stderr).toBe('');
    expect(replay.status).toBe(1);
  });

  // A timeout failure found with a short --timeout must replay under the same limit.
  it('the replay line of a timeout failure keeps --timeout', () => {
    const r = runFixture('slow-300ms.mjs', ['--timeout', '100', '--runs', '1', '--dtype', 'float64', '--properties', 'step-jacobian']);
    expect(r.status).toBe(1);
    expect(onlyFailure(r.report).counterexample?.failure.kind).toBe('timeout');
    const line = /^\s*Replay: npx rnn-jac-spec (.*)$/m.exec(r.stdout)![1];
    const replay = cli([...line.split(' '), '--report', reportDir()]);
    expect(replay.status).toBe(1);
  });
});
