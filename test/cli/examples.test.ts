/**
 * The two example adapters the README points to, through the built CLI: the minimal one passes with
 * the default run, the transposed one fails with a diagnosis, a replay line that reproduces the shrunk
 * case, and a 2×2 counterexample.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.js';
import { cli, ensureBuilt, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** Splits a POSIX shell command line as replayCommand quotes it (single quotes, `'\''` escapes). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The "Shrunk case:" lines of a CLI output, in order. */
function shrunkCases(stdout: string): string[] {
  return [...stdout.matchAll(/^\s*Shrunk case: (.*)$/gm)].map((m) => m[1]);
}

describe('examples/minimal-adapter.mjs', () => {
  it('passes the default run in float64 and float32 (exit 0)', () => {
    const dir = reportDir();
    const r = cli(['--adapter', './examples/minimal-adapter.mjs', '--report', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = /^(\d+) passed, 0 failed, \d+ not applicable/m.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const report = readReport(dir);
    expect(report.options.runs).toBe(100);
    expect(Number(m![1])).toBe(report.summary.pass);
    expect(report.summary.fail).toBe(0);
    for (const dtype of ['float64', 'float32'] as const) {
      const step = report.results.find((p) => p.property === 'step-jacobian' && p.target.dtype === dtype);
      expect(step?.verdict, dtype).toBe('pass');
      expect(step?.cases).toBe(100);
    }
    // Only stepJacobian is implemented: the optional capabilities are not applicable, never failures.
    expect(report.results.find((p) => p.property === 'input-jacobian')?.verdict).toBe('not-applicable');
  });
});

describe('examples/transposed-adapter.mjs', () => {
  let first: { stdout: string; status: number | null; report: RunResult };

  beforeAll(() => {
    const dir = reportDir();
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', '--report', dir]);
    first = { stdout: r.stdout, status: r.status, report: readReport(dir) };
  });

  it('fails (exit 1) and the diagnosis names the transpose', () => {
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^\s*Diagnosis: .*transpose/m);
    expect(first.stdout).toMatch(/^\s*Replay: npx rnn-jac-spec .*--replay=\S+$/m);
    const step = first.report.results.find((p) => p.property === 'step-jacobian' && p.target.dtype === 'float64');
    expect(step?.verdict).toBe('fail');
    expect(step?.counterexample?.failure.kind).toBe('mismatch');
    expect(step?.counterexample?.failure.diagnosis?.id).toMatch(/transpose/);
  });

  it('shrinks to a 2×2 case (for n = 1 both forms agree)', () => {
    const failed = first.report.results.filter((p) => p.verdict === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const p of failed) expect(p.counterexample?.case.n, `${p.property} ${p.target.dtype}`).toBe(2);
  });

  it('its Replay line reproduces the same shrunk case (exit 1 again)', () => {
    const line = /^\s*Replay: (.*)$/m.exec(first.stdout)![1];
    const words = shellWords(line);
    expect(words.slice(0, 2)).toEqual(['npx', 'rnn-jac-spec']);
    const dir = reportDir();
    const r = cli([...words.slice(2), '--report', dir]);
    expect(r.status).toBe(1);
    expect(shrunkCases(r.stdout)).toEqual([shrunkCases(first.stdout)[0]]);
    expect(r.stdout).toContain(`Replay: ${line}`);
    const replayed = readReport(dir).results.filter((p) => p.verdict === 'fail');
    expect(replayed).toHaveLength(1);
    const original = first.report.results.find((p) => p.counterexample?.replay === line);
    expect(replayed[0].counterexample?.case).toEqual(original?.counterexample?.case);
  });

  it('with --format github prints one GitHub Actions error annotation per failure and writes no file', () => {
    const dir = reportDir();
    const r = cli(['--adapter', './examples/transposed-adapter.mjs', '--properties', 'step-jacobian', '--format', 'github', '--report', dir]);
    expect(r.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(2);
    for (const a of annotations) {
      expect(a).toMatch(/^::error title=rnn-jac-spec step-jacobian \(RJS-STEP\) on transposed\/default\/default\/float(64|32)::/);
      expect(a).toMatch(/%0AReplay: npx rnn-jac-spec .*--replay=\S+%0AShrunk case: \{"n":2,/);
    }
    expect(annotations.every((a) => a.includes('%0ADiagnosis: transpose'))).toBe(true);
    expect(r.stdout).not.toContain('Reports:');
    expect(existsSync(dir)).toBe(false);
  });
});
