/**
 * The adapter's process is untrusted: adapter code can replace the globals the host's own checks use,
 * send messages on the host's channel, write to its exit side channel, write into its inputs after a
 * call returned, start processes of its own, or kill its parent. None of it may turn a wrong adapter
 * green, put a line on stdout, crash the runner, keep it alive, or lose the report set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  descendants,
  ensureBuilt,
  expectCleanStdout,
  expectNoReports,
  expectReportSet,
  expectStartFault,
  failed,
  failureOf,
  hostile,
  removeReportDirs,
  runAdapter,
  startCli,
  waitFor,
} from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const SMALL = ['--properties', 'step-jacobian', '--runs', '5', '--max-n', '4', '--timeout', '1000', '--max-shrinks', '3'];

describe('checks run in the runner, not where adapter code can patch them', () => {
  it('Object.is replaced, inputs zeroed: still mutated-input', () => {
    const r = runAdapter('patch-object-is.mjs', SMALL);
    expect(r.status, r.stderr).toBe(1);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').kind).toBe('mutated-input');
  });

  it.each([
    ['swap-then-write.mjs', "the case's fields replaced by fresh copies"],
    ['accessor-then-write.mjs', "the case's fields turned into accessors that return fresh copies"],
  ])('%s: the arrays it was handed are compared, not its fields (%s): mutated-input', (fixture) => {
    const r = runAdapter(fixture, SMALL);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('mutated-input');
    expect(f.summary).toMatch(/adapter mutated its input (W|x) \(entry \[\d+(, \d+)?\] was .*, is 0\)/);
  });

  it('String.prototype.replace disabled: an injected ::error line is still escaped', () => {
    const r = runAdapter('patch-replace.mjs', SMALL);
    expect(r.status, r.stderr).toBe(1);
    expectCleanStdout(r.stdout);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').summary).toContain('boom\\n');
  });

  it('Float64Array replaced, a transposed Jacobian returned: the run fails, the runner does not crash', () => {
    const r = runAdapter('patch-float64array.mjs', SMALL);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expectReportSet(r.dir);
  });

  it('forged result messages (too short; a failure with a foreign kind and an injected line) fail the case', () => {
    const r = runAdapter('forged-result.mjs', [...SMALL, '--runs', '2']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    expectCleanStdout(r.stdout);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(['wrong-shape', 'threw', 'timeout']).toContain(f.kind);
    expect(f.diagnosis).toBeUndefined();
  });
});

describe("bytes on the host's channel", () => {
  it('bytes that are not a message kill the host with the reason; the runner lives and reports', () => {
    const r = runAdapter('channel-garbage.mjs', [...SMALL, '--runs', '10']);
    // The call in progress when Node reads the bytes fails (exit 1); read after the last call, they are
    // a fault of the run (exit 2). Either way the reason is reported and the runner does not crash.
    expect([1, 2], r.stderr).toContain(r.status);
    expect(r.stderr).not.toContain('at parseChannelMessages');
    expectCleanStdout(r.stdout);
    const report = expectReportSet(r.dir);
    const said = [
      ...report.results.flatMap((u) => (u.counterexample !== undefined ? [u.counterexample.failure.summary] : [])),
      ...(report.faults ?? []).map((f) => f.message),
    ];
    expect(said.some((m) => m.includes("the adapter host wrote bytes onto the runner's channel that are not a message"))).toBe(true);
  });

  it('a result forged for the call in progress, then the one the host sends: the host is killed and the run is not green', () => {
    const r = runAdapter('forge-result.mjs', [...SMALL, '--runs', '20']);
    expect([1, 2], r.stderr).toContain(r.status);
    const report = expectReportSet(r.dir);
    const said = [
      ...report.results.flatMap((u) => (u.counterexample !== undefined ? [u.counterexample.failure.summary] : [])),
      ...(report.faults ?? []).map((f) => f.message),
    ];
    expect(said.some((m) => /the adapter host sent a second result for call \d+: adapter code wrote messages of its own/.test(m))).toBe(true);
  });

  it('results forged for calls never made are dropped, not kept (a correct adapter passes in a 256 MB runner)', () => {
    const r = runAdapter('forged-results-flood.mjs', [...SMALL, '--runs', '6', '--timeout', '20000'], {
      env: { NODE_OPTIONS: '--max-old-space-size=256' },
      timeoutMs: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expectReportSet(r.dir);
  });
});

describe("the host's exit side channel", () => {
  it('injected last words are escaped', () => {
    const r = runAdapter('last-words-injection.mjs', SMALL);
    expect(r.status, r.stderr).toBe(1);
    expectCleanStdout(r.stdout);
    expectReportSet(r.dir);
  });

  it('640 MB written to it neither crash nor slow the runner (a correct adapter passes)', () => {
    const r = runAdapter('last-words-flood.mjs', [...SMALL, '--max-n', '2', '--timeout', '20000']);
    expect(r.status, r.stderr).toBe(0);
    expectReportSet(r.dir);
  });
});

describe('writes into the inputs after the call returned', () => {
  for (const [fixture, isolation] of [
    ['write-later.mjs', 'process'],
    ['write-later.mjs', 'none'],
    ['write-later-slow.mjs', 'process'],
    ['write-later-slow.mjs', 'none'],
    ['write-later-io.mjs', 'process'],
  ] as const) {
    it(`a timer or a pending child process that zeroes the inputs (${fixture}) fails the run, naming the write (--isolation ${isolation})`, () => {
      const r = runAdapter(fixture, [...SMALL, '--isolation', isolation]);
      expect(r.status, r.stderr).not.toBe(0);
      const report = expectReportSet(r.dir);
      const texts = [...failed(report).map((u) => u.counterexample?.failure.summary ?? ''), ...(report.faults ?? []).map((f) => f.message)];
      expect(texts.some((t) => t.includes('after that call had returned'))).toBe(true);
    });
  }
});

describe('declarations that would make a check vacuous', () => {
  it('what the adapter leaves out of its declaration is listed in the summary and every report: no case drew it', () => {
    const r = runAdapter('narrow-declaration.mjs', SMALL);
    // Its tanh is wrong, but it declares only sigmoid in float64: the run passes on what it tested.
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Not declared by the adapter, so not tested:');
    expect(r.stdout).toMatch(/ {2}float32: the adapter does not compute in it\n {2}float64: activations identity, tanh, relu/);
    const report = expectReportSet(r.dir);
    expect(report.notDeclared?.dtypes).toEqual(['float32']);
    expect(report.notDeclared?.targets).toHaveLength(1);
    expect(report.notDeclared?.targets[0].activations).toContain('tanh');
    expect(report.notDeclared?.targets[0].forms).toEqual(['pascanu-sigma-input', 'elman']);
    expect(readFileSync(join(r.dir, 'rnn-jac-spec.md'), 'utf8')).toContain('## Not declared by the adapter, so not tested');
    expect(readFileSync(join(r.dir, 'rnn-jac-spec.junit.xml'), 'utf8')).toMatch(/<property name="not-declared" value="float32: [^"]*tanh/);
  });

  it('a variant whose scope leaves out a dtype is listed: it has no target there', () => {
    const r = runAdapter('variant-scope-dtype.mjs', SMALL);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('  b float64: the variant does not compute in it');
    const t = expectReportSet(r.dir).notDeclared?.targets.find((x) => x.notComputed === true);
    expect(t).toMatchObject({ variant: 'b', dtype: 'float64', notComputed: true });
  });

  it('a finite-difference step of 2^40 (every central difference ~0, zeros returned) is refused', () => {
    const r = runAdapter('fd-huge-step.mjs', SMALL);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('finiteDifference.step is 2^40: at most 2^-6');
    const report = expectReportSet(r.dir);
    expect(report.results).toEqual([]);
    expect(report.faults?.[0].during).toBe('start');
  });
});

describe('declarations that leave a variant or dtype nothing to test are refused', () => {
  for (const [empty, words] of [
    ['activations', 'variantScopes.bad.activations must be a non-empty subset'],
    ['forms', 'variantScopes.bad.forms must be a non-empty subset'],
    ['dtype', 'dtypeActivations, when given, must map dtypes (float32, float64) to non-empty subsets'],
  ] as const) {
    it(`an empty ${empty} list`, () => {
      const r = runAdapter('empty-scope.mjs', SMALL, { env: { HOSTILE_EMPTY: empty } });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toContain('internal error');
      expectStartFault(r.dir);
    });
  }
});

describe('processes adapter code leaves behind', () => {
  it("a child holding the host's stdout and stderr does not keep the run alive", () => {
    const r = runAdapter('grandchild.mjs', SMALL, { timeoutMs: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    expectReportSet(r.dir);
  });
});

describe('every run that got past its arguments leaves a whole report set', () => {
  it('SIGTERM while the adapter is still starting: exit 143, a set marked interrupted', async () => {
    const run = startCli(['--adapter', hostile('slow-factory.mjs'), ...SMALL, '--timeout', '10000']);
    try {
      expect(await waitFor(() => descendants(run.child.pid!).some((p) => p.args.includes('hostMain.js')), 20_000)).toBe(true);
      run.child.kill('SIGTERM');
      const ended = await run.ended;
      expect(ended.code).toBe(143);
      const report = expectReportSet(run.dir);
      expect(report.interrupted).toBe(true);
      expect(report.results).toEqual([]);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('an adapter that cannot start: exit 2, its reason in the set', () => {
    const r = runAdapter('factory-throws.mjs', SMALL);
    expect(r.status).toBe(2);
    const report = expectReportSet(r.dir);
    expect(report.faults?.[0].during).toBe('start');
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`--jobs 2, adapter code sends ${signal} to its runner: exit 2, the fault named, a whole set`, () => {
      const r = runAdapter(
        'kill-parent.mjs',
        ['--properties', 'step-jacobian,gradient-bound', '--runs', '10', '--max-n', '4', '--timeout', '1000', '--jobs', '2'],
        { env: { HOSTILE_SIGNAL: signal } },
      );
      expect(r.status, r.stderr).toBe(2);
      const report = expectReportSet(r.dir);
      const faults = (report.faults ?? []).map((f) => `${f.during}: ${f.message}`).join('\n');
      expect(faults).toMatch(signal === 'SIGKILL' ? /--jobs child \d\/2: was killed by SIGKILL/ : /--jobs child \d\/2: was interrupted \(exit 143\)/);
    });
  }

  it.runIf(process.platform === 'linux')('--jobs 2, adapter code plants a green report and kills its runner: exit 2, the report not taken', () => {
    const r = runAdapter('jobs-plant-report.mjs', ['--properties', 'step-jacobian', '--runs', '10', '--max-n', '4', '--timeout', '20000', '--jobs', '2'], {
      timeoutMs: 120_000,
    });
    expect(r.status, r.stderr).toBe(2);
    const report = expectReportSet(r.dir);
    expect(report.results.filter((u) => u.verdict === 'pass')).toEqual([]);
    expect((report.faults ?? []).map((f) => f.message).join('\n')).toMatch(
      /was killed by SIGKILL although its report gives exit 0, perhaps by adapter code; its report is not taken/,
    );
  });
});

// The helpers' no-report check still holds for runs that end before the report folder is opened.
it('a usage error leaves nothing', () => {
  const r = runAdapter('base.mjs', ['--runs', 'many']);
  expect(r.status).toBe(2);
  expectNoReports(r.dir);
});
