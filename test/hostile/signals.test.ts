/**
 * Signals: a run interrupted by SIGTERM writes a report set marked interrupted and exits 143; a
 * `--jobs` parent killed by SIGTERM, SIGINT or SIGKILL leaves none of its processes (the children
 * and their adapter hosts) running for more than two seconds.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delay, descendants, ensureBuilt, expectReportSet, hostile, processes, removeReportDirs, startCli, survivors, waitFor, type Proc } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** A slow run (every call 200 ms) that would last far longer than any test waits. */
const SLOW = ['--adapter', hostile('slow.mjs'), '--properties', 'step-jacobian,gradient-bound', '--runs', '20'];

describe('a --jobs 2 parent killed while its children run', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGKILL', undefined],
  ] as const) {
    it(`${signal}: no child or adapter host survives it by 2 s${code !== undefined ? `, exit ${code}` : ''}`, async () => {
      // A tag in the children's argv (they get every --opt) finds them among other tests' processes.
      const tag = `hostile-${randomBytes(6).toString('hex')}`;
      // Each host appends its pid to the mark file at every call: calls under way in both children.
      const mark = join(tmpdir(), `${tag}.calls`);
      const callers = (): number => {
        try {
          return new Set(
            readFileSync(mark, 'utf8')
              .split('\n')
              .filter((l) => l !== ''),
          ).size;
        } catch {
          return 0;
        }
      };
      const run = startCli([...SLOW, '--jobs', '2', '--opt', `tag=${tag}`, '--opt', `mark=${mark}`]);
      try {
        const pid = run.child.pid!;
        const hosts = (): number => descendants(pid).filter((p) => p.args.includes('hostMain.js')).length;
        expect(await waitFor(() => hosts() >= 2 && callers() >= 2, 20_000), `two adapter hosts under ${pid}, both called: ${run.stderr()}`).toBe(true);
        const tree = descendants(pid);
        expect(tree.filter((p) => p.args.includes(tag)).length).toBeGreaterThanOrEqual(2);
        run.child.kill(signal);
        const gone = await waitFor(() => survivors(tree).length === 0 && !processes().some((p) => p.args.includes(tag)), 2000);
        expect(gone, `still running: ${JSON.stringify(survivors(tree))}`).toBe(true);
        const ended = await run.ended;
        if (code !== undefined) {
          expect({ code: ended.code, signal: ended.signal }).toEqual({ code, signal: null });
          // The children wrote the units they finished; the parent merged them.
          expect(expectReportSet(run.dir).interrupted).toBe(true);
        }
      } finally {
        run.child.kill('SIGKILL');
        rmSync(mark, { force: true });
      }
    });
  }
});

describe('a single run interrupted by SIGTERM', () => {
  it('exits 143 with a report set marked interrupted and no temporary entry', async () => {
    const run = startCli(SLOW);
    try {
      const pid = run.child.pid!;
      expect(await waitFor(() => descendants(pid).some((p) => p.args.includes('hostMain.js')), 20_000)).toBe(true);
      await delay(1000); // some calls done, the run mid-way
      run.child.kill('SIGTERM');
      const ended = await run.ended;
      expect(ended.code, ended.stderr).toBe(143);
      const report = expectReportSet(run.dir);
      expect(report.interrupted).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('output as the run goes (CI=true, a pipe)', () => {
  it('prints its first line before any unit ends, a row as each unit ends, and on SIGTERM the rest of the summary', async () => {
    // 10 cases of 200 ms per unit: each unit lasts about 2 s.
    const run = startCli(['--adapter', hostile('slow.mjs'), '--properties', 'step-jacobian,gradient-bound', '--runs', '10'], { env: { CI: 'true' } });
    try {
      expect(await waitFor(() => /^rnn-jac-spec \S+, spec \S+: seed \d+/.test(run.stdout()), 20_000), run.stderr()).toBe(true);
      expect(run.stdout()).not.toMatch(/PASS|FAIL|passed/);
      expect(await waitFor(() => /^step-jacobian +RJS-STEP +\S+ +PASS +10 /m.test(run.stdout()), 30_000), run.stdout()).toBe(true);
      expect(run.child.exitCode).toBeNull();
      expect(run.stdout()).toMatch(/^property +rule +target +verdict +cases +err\/tol +time$/m);
      run.child.kill('SIGTERM');
      const ended = await run.ended;
      expect(ended.code, ended.stderr).toBe(143);
      // The rows already printed are not printed again; the totals follow them.
      expect(ended.stdout.match(/^property +rule/gm)).toHaveLength(1);
      expect(ended.stdout).toMatch(/^\d+ passed, \d+ failed, \d+ not applicable/m);
      expect(expectReportSet(run.dir).interrupted).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('a runner killed with SIGKILL', () => {
  it('takes the processes its adapter started with its host (the host leads a process group)', async () => {
    const run = startCli(['--adapter', hostile('grandchild-sigkill.mjs'), '--properties', 'step-jacobian', '--runs', '50']);
    try {
      const pid = run.child.pid!;
      const sleeps = (): Proc[] => processes().filter((p) => p.args.startsWith('sleep 1000'));
      const before = new Set(sleeps().map((p) => p.pid));
      expect(await waitFor(() => sleeps().some((p) => !before.has(p.pid)) || descendants(pid).some((p) => p.args.startsWith('sleep 1000')), 20_000)).toBe(true);
      const mine = descendants(pid).filter((p) => p.args.startsWith('sleep 1000'));
      expect(mine.length).toBeGreaterThanOrEqual(1);
      run.child.kill('SIGKILL');
      expect(await waitFor(() => survivors(mine).length === 0, 3000), `still running: ${JSON.stringify(survivors(mine))}`).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('the adapter host started before the runner loaded', () => {
  it('is killed when the full reading of argv rejects it (exit 2)', async () => {
    const mark = join(tmpdir(), `hostile-${randomBytes(6).toString('hex')}.pid`);
    try {
      const run = startCli(['--adapter', hostile('mark-pid.mjs'), '--opt', `mark=${mark}`, '--runs', 'many']);
      const ended = await run.ended;
      expect(ended.code).toBe(2);
      expect(ended.stderr).toContain('--runs must be an integer');
      // The host may not have reached the factory; any host that did is gone.
      const pids = (): number[] => {
        try {
          return readFileSync(mark, 'utf8')
            .split('\n')
            .filter((l) => l !== '')
            .map(Number);
        } catch {
          return [];
        }
      };
      const alive = (pid: number): boolean => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      await delay(500);
      expect(pids().filter(alive)).toEqual([]);
    } finally {
      rmSync(mark, { force: true });
    }
  });
});
