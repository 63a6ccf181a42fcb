/**
 * Adapter text (its name, info(), error messages, what it prints) never reaches stdout as a line of
 * its own: no GitHub workflow command (a line starting with `::`), no terminal escape. Names that
 * cannot be printed safely, or are absurdly long, are refused at start (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectCleanStdout, expectReportSet, expectStartFault, failureOf, folderBytes, removeReportDirs, runAdapter } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const STEP = ['--properties', 'step-jacobian', '--runs', '5'];

describe('adapter text on stdout', () => {
  it('a name with a newline and ::error:: is refused (control characters)', () => {
    const r = runAdapter('name-injection.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('control characters');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
    expectCleanStdout(r.stdout);
    expectStartFault(r.dir);
  });

  it('info() fields with a newline + ::set-output and ANSI escapes: the run proceeds, stdout stays clean', () => {
    const r = runAdapter('info-injection.mjs', STEP);
    expect(r.status, r.stderr).toBe(0);
    expectCleanStdout(r.stdout);
    expect(r.stdout).toContain('set-output'); // shown, escaped
    expectReportSet(r.dir);
  });

  it('an error message with ANSI escapes and a newline + ::error::', () => {
    const r = runAdapter('error-injection.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    expectCleanStdout(r.stdout);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').kind).toBe('threw');
  });

  it('under --jobs 2 what the adapter prints still reaches stderr, marked and made safe', () => {
    const r = runAdapter('console-log.mjs', [...STEP, '--jobs', '2']);
    expect(r.stderr).toContain('[adapter] \\::error::pwned');
    expectCleanStdout(r.stdout);
  });

  it("console.log('::error::pwned') in a call goes to stderr, marked [adapter]", () => {
    const r = runAdapter('console-log.mjs', STEP);
    expect(r.status, r.stderr).toBe(0);
    expectCleanStdout(r.stdout);
    expect(r.stdout).not.toContain('pwned');
    expect(r.stderr).toMatch(/^\[adapter\] .*::error::pwned$/m);
    expectReportSet(r.dir);
  });

  it('a 10 MB name is refused (characters long), and nothing big is written', () => {
    const r = runAdapter('huge-name.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('characters long');
    expect(r.stderr.length).toBeLessThan(10_000);
    expect(r.stdout.length).toBeLessThan(10_000);
    expect(folderBytes(r.dir)).toBeLessThan(64 * 1024);
    expectStartFault(r.dir);
  });
});
