/**
 * Output integrity: a closed stdout costs the summary, not the run; a --report that is a file or
 * cannot be created is refused before any case; a report folder holds one run's set only (an early
 * exit 2 leaves no earlier run's files, a second run at once is refused, stale temporary entries
 * of a killed run are removed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../cli/harness.js';
import {
  ensureBuilt,
  expectReportSet,
  expectStartFault,
  hostile,
  LOCK_FILE,
  removeReportDirs,
  reportDir,
  ROOT,
  runAdapter,
  startCli,
  tempEntries,
  waitFor,
} from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const STEP = ['--properties', 'step-jacobian', '--runs', '5'];

describe('a stdout closed early', () => {
  it('read side closed before the summary: exit 0, no EPIPE on stderr', async () => {
    const run = startCli(['--adapter', hostile('base.mjs'), ...STEP], { closeStdout: true });
    const ended = await run.ended;
    expect(ended.stderr).not.toContain('EPIPE');
    expect(ended.stderr).not.toContain('    at ');
    expect(ended.code, ended.stderr).toBe(0);
    expectReportSet(run.dir);
  });

  it('piped into `head -1`: the CLI itself exits 0, no EPIPE on stderr', () => {
    const dir = reportDir();
    const cmd = `"${process.execPath}" "${CLI}" --adapter ${hostile('base.mjs')} ${STEP.join(' ')} --report "${dir}" | head -1; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^status=0$/m);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toContain('    at ');
    expectReportSet(dir);
  });
});

describe('a --report that cannot be a report folder', () => {
  it('an existing file: exit 2 before any case, the file untouched', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rjs-hostile-')), 'not-a-dir');
    writeFileSync(file, 'keep me');
    const r = runAdapter('base.mjs', [...STEP, '--report', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a file');
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  // The tests run as root, so a chmod would not stop the writes: a path under a device file does.
  it('/dev/null/x: exit 2, cannot create', () => {
    const r = runAdapter('base.mjs', [...STEP, '--report', '/dev/null/x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot create');
    expect(r.stdout).toBe('');
  });
});

describe('one run, one report set', () => {
  it('an exit 2 after the folder was opened replaces the reports of an earlier run with its own', () => {
    const dir = reportDir();
    const first = runAdapter('base.mjs', STEP, { dir });
    expect(first.status, first.stderr).toBe(0);
    expectReportSet(dir);
    const second = runAdapter('factory-throws.mjs', STEP, { dir });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('libfancy is not installed');
    expect(expectStartFault(dir).faults?.[0].message).toContain('libfancy is not installed');
  });

  it('a second run on the same folder at once is refused', async () => {
    const dir = reportDir();
    const first = startCli(['--adapter', hostile('slow.mjs'), '--properties', 'step-jacobian', '--runs', '20'], { dir });
    try {
      expect(await waitFor(() => existsSync(join(dir, LOCK_FILE)), 20_000), first.stderr()).toBe(true);
      const second = runAdapter('base.mjs', STEP, { dir });
      expect(second.status).toBe(2);
      expect(second.stderr).toMatch(/another run \(pid \d+\) is writing to/);
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
    } finally {
      first.child.kill('SIGTERM');
      await first.ended;
    }
  });

  it('two runs taking over the same stale lock at the same instant: never both get it', async () => {
    // A lock naming a dead process, and two processes that open the folder at the same millisecond.
    const script = `import { openReportDir } from ${JSON.stringify(join(ROOT, 'dist/src/report/reportDir.js'))};
      const start = Number(process.argv[2]);
      while (Date.now() < start) {}
      try { openReportDir(process.argv[1], ['json']); console.log('GOT'); setTimeout(() => {}, 300); } catch { console.log('REFUSED'); }`;
    let both = 0;
    for (let k = 0; k < 15; k++) {
      const dir = reportDir();
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, LOCK_FILE), '999999\n');
      const start = String(Date.now() + 400);
      const runs = [0, 1].map(
        () =>
          new Promise<string>((resolve) => {
            const p = spawn(process.execPath, ['--input-type=module', '-e', script, dir, start], { stdio: ['ignore', 'pipe', 'inherit'] });
            let out = '';
            p.stdout.on('data', (d: Buffer) => (out += d.toString()));
            p.on('close', () => resolve(out.trim()));
          }),
      );
      const got = (await Promise.all(runs)).filter((o) => o === 'GOT').length;
      expect(got).toBeGreaterThanOrEqual(1);
      if (got === 2) both++;
    }
    expect(both).toBe(0);
  }, 60_000);

  it('stale temporary entries of a killed run are removed by the next run', () => {
    const dir = reportDir();
    mkdirSync(join(dir, '.rnn-jac-spec-123-abcd.tmp'), { recursive: true });
    writeFileSync(join(dir, '.rnn-jac-spec-123-abcd.tmp', 'rnn-jac-spec.json'), '{"half": ');
    writeFileSync(join(dir, '.rnn-jac-spec.json.123.abcdef.tmp'), '{"half": ');
    const r = runAdapter('base.mjs', STEP, { dir });
    expect(r.status, r.stderr).toBe(0);
    expect(tempEntries(dir)).toEqual([]);
    expectReportSet(dir);
  });
});
