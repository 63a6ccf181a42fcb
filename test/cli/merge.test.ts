/**
 * `rnn-jac-spec merge` and `rnn-jac-spec vectors` on bad input, through the built CLI: each input
 * report is checked against specs/report.schema.json, and a malformed or unreadable report, an
 * unusable --report or --out, exits 2 with one line naming the file and what is wrong (never a
 * stack trace or exit 1). `--help` prints the usage and exits 0.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.js';
import { cli, ensureBuilt, JSON_REPORT, readReport, removeReportDirs, reportDir } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const RUN = ['--adapter', 'reference', '--runs', '2', '--max-n', '3', '--max-t', '2', '--properties', 'step-jacobian', '--format', 'json'];

/** A fresh empty directory (removed after the file's tests). */
function tempDir(): string {
  const d = reportDir();
  mkdirSync(d, { recursive: true });
  return d;
}

/** Expects exit 2 and exactly one line on stderr that starts `rnn-jac-spec COMMAND: ` and contains `words`. */
function refused(r: { status: number | null; stdout: string; stderr: string }, command: string, ...words: string[]): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^rnn-jac-spec ${command}: [^\\n]+\\n$`));
  for (const w of words) expect(r.stderr).toContain(w);
  expect(r.stderr).not.toMatch(/TypeError|internal error|^\s+at /m);
  expect(r.stdout).toBe('');
}

describe('merge refuses a malformed shard report (exit 2, one line naming the file and the field)', () => {
  let shards: string[];
  let first: RunResult;
  let dir: string;
  beforeAll(() => {
    shards = [1, 2].map((i) => {
      const d = reportDir();
      const r = cli([...RUN, '--shard', `${i}/2`, '--report', d]);
      expect(r.stderr).toBe('');
      return d;
    });
    first = JSON.parse(readFileSync(join(shards[0], JSON_REPORT), 'utf8'));
    dir = tempDir();
  });

  /** Writes `text` as `name` in the temp dir and merges it with shard 2/2. */
  function mergeWith(name: string, text: string): ReturnType<typeof cli> {
    const file = join(dir, name);
    writeFileSync(file, text);
    return cli(['merge', file, shards[1], '--report', reportDir()]);
  }

  it('a report without options', () => {
    const { options: _options, ...rest } = first;
    refused(mergeWith('no-options.json', JSON.stringify(rest)), 'merge', `${join(dir, 'no-options.json')}: /options is missing`);
  });

  it('results: [null]', () => {
    refused(
      mergeWith('null-result.json', JSON.stringify({ ...first, results: [null] })),
      'merge',
      `${join(dir, 'null-result.json')}: /results/0 must be an object (got null)`,
    );
  });

  it('a reportVersion 1 report: from an older rnn-jac-spec, to be regenerated', () => {
    refused(
      mergeWith('v1.json', JSON.stringify({ ...first, reportVersion: 1 })),
      'merge',
      `${join(dir, 'v1.json')}: reportVersion 1 is from an older rnn-jac-spec`,
      'must be regenerated',
    );
  });

  it('a file that is not JSON', () => {
    refused(
      mergeWith('report.md', '# rnn-jac-spec\n\n1 passed\n'),
      'merge',
      `${join(dir, 'report.md')} is not JSON (`,
      `give the JSON report of each shard (${JSON_REPORT})`,
    );
  });

  it('an empty file', () => {
    refused(mergeWith('empty.json', ''), 'merge', `${join(dir, 'empty.json')} is empty`);
  });

  it('a directory without rnn-jac-spec.json', () => {
    const empty = tempDir();
    refused(cli(['merge', empty, shards[1]]), 'merge', `${empty} is a directory without ${JSON_REPORT}`);
  });

  it('a file that does not exist', () => {
    refused(cli(['merge', join(dir, 'nope.json'), shards[1]]), 'merge', `cannot read ${join(dir, 'nope.json')}`);
  });

  it('accepts a report that starts with a UTF-8 byte order mark', () => {
    const out = reportDir();
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${readFileSync(join(shards[0], JSON_REPORT), 'utf8')}`);
    const r = cli(['merge', file, shards[1], '--report', out, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readReport(out).results.length).toBe(first.options.shard?.units);
  });

  // What a merge reports must not depend on the order of its arguments, nor on fields a run did not write.
  it("keeps every shard's faults and interruption, in any order", () => {
    const second = JSON.parse(readFileSync(join(shards[1], JSON_REPORT), 'utf8'));
    const file = join(dir, 'faulted.json');
    writeFileSync(file, JSON.stringify({ ...second, faults: [{ during: 'adapter.dispose()', message: 'dispose threw' }] }));
    for (const order of [
      [shards[0], file],
      [file, shards[0]],
    ]) {
      const out = reportDir();
      const r = cli(['merge', ...order, '--report', out, '--format', 'json']);
      expect(r.status, r.stderr).toBe(2);
      expect(readReport(out).faults).toEqual([{ during: 'adapter.dispose()', message: 'dispose threw' }]);
    }
  });

  it('refuses shards run with different --opt values (each records its options)', () => {
    const other = reportDir();
    expect(cli([...RUN, '--shard', '2/2', '--opt', 'impl=fast', '--report', other]).status).toBe(0);
    expect(readReport(other).options.opts).toEqual({ impl: 'fast' });
    refused(cli(['merge', shards[0], other, '--report', reportDir()]), 'merge', 'come from different runs');
  });

  it('drops an expectation outcome from a report that applied no expectation file', () => {
    const file = join(dir, 'xfail.json');
    const failing = {
      ...first.results[0],
      verdict: 'fail',
      counterexample: {
        case: {},
        failure: { kind: 'threw', quantity: 'stepJacobian', summary: 'boom' },
        seed: 1,
        path: '0',
        replay: 'x',
        failedAfter: 1,
        shrinks: 0,
        shrinkCalls: 0,
      },
      expectation: { outcome: 'expected-failure', reason: 'edited in' },
    };
    const results = [failing, ...first.results.slice(1)];
    writeFileSync(file, JSON.stringify({ ...first, results, summary: { ...first.summary, pass: first.summary.pass - 1, fail: 1 } }));
    const out = reportDir();
    const r = cli(['merge', file, shards[1], '--report', out, '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    expect(readReport(out).results[0].expectation).toBeUndefined();
  });

  it('--report naming a file: exit 2, the file untouched', () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'keep');
    refused(cli(['merge', shards[0], shards[1], '--report', file]), 'merge', `--report ${file} is a file, not a directory: give a directory`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });
});

describe('vectors refuses an --out it cannot write to (exit 2, one line saying what to give)', () => {
  it('--out naming a file', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'keep');
    refused(cli(['vectors', '--out', file]), 'vectors', `--out ${file} is a file, not a directory: give a directory`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('--out below a file (cannot be created)', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    refused(
      cli(['vectors', '--out', join(file, 'sub')]),
      'vectors',
      `cannot create the directory --out ${join(file, 'sub')} (ENOTDIR)`,
      'give --out a directory this user can write to',
    );
  });

  it('--out whose index.json is a directory (cannot be written)', () => {
    const out = tempDir();
    mkdirSync(join(out, 'index.json'));
    refused(cli(['vectors', '--out', out]), 'vectors', `cannot write ${join(out, 'index.json')} (`, 'give --out a directory this user can write to');
  });

  // root writes into a read-only directory regardless of its mode.
  it.skipIf(process.getuid?.() === 0)('--out a read-only directory (cannot be written)', () => {
    const ro = mkdtempSync(join(tmpdir(), 'rnn-jac-spec-ro-'));
    chmodSync(ro, 0o555);
    try {
      refused(cli(['vectors', '--out', ro]), 'vectors', `cannot write ${join(ro, 'index.json')} (EACCES)`, 'give --out a directory this user can write to');
    } finally {
      chmodSync(ro, 0o755);
    }
  });
});

describe('--help of merge and vectors (exit 0)', () => {
  it.each([
    ['merge', '--help', 'Usage: rnn-jac-spec merge REPORT... [--report DIR] [--format LIST]'],
    ['merge', '-h', 'Usage: rnn-jac-spec merge REPORT...'],
    ['vectors', '--help', 'Usage: rnn-jac-spec vectors --out DIR [--seed S]'],
    ['vectors', '-h', 'Usage: rnn-jac-spec vectors --out DIR'],
  ])('%s %s prints its usage', (command, flag, head) => {
    const r = cli([command, flag]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`${head}`)).toBe(true);
    expect(r.stdout).toContain('--help, -h');
  });

  it('usage errors of merge and vectors point to their --help', () => {
    const merge = cli(['merge']);
    expect(merge.status).toBe(2);
    expect(merge.stderr).toContain("Run 'rnn-jac-spec merge --help' for the usage.");
    const vectors = cli(['vectors']);
    expect(vectors.status).toBe(2);
    expect(vectors.stderr).toContain("Run 'rnn-jac-spec vectors --help' for the usage.");
  });
});
