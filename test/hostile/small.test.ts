/**
 * Small refusals, each an exit 2 with a message that says what is wrong: prototype names as adapters
 * or option keys, an info() that throws or is no object, a factory that throws undefined, a bad
 * expectation file; and an expectation file with a UTF-8 byte order mark is read as JSON.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectNoReports, expectReportSet, expectStartFault, removeReportDirs, runAdapter, runCli } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const STEP = ['--properties', 'step-jacobian', '--runs', '5'];

/** Writes `text` to a fresh file and returns its path. */
function textFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rjs-hostile-')), 'expectations.json');
  writeFileSync(path, text, 'utf8');
  return path;
}

describe('names that are Object.prototype members', () => {
  for (const name of ['__proto__', 'constructor']) {
    it(`--adapter ${name} is an unknown adapter`, () => {
      const r = runCli(['--adapter', name, ...STEP]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('unknown adapter');
      expect(r.stderr).not.toContain('internal error');
      expectStartFault(r.dir);
    });
  }

  it('--opt __proto__=x is refused', () => {
    const r = runCli(['--adapter', 'reference', '--opt', '__proto__=x', ...STEP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('__proto__');
    expectNoReports(r.dir);
  });
});

describe('--opt values', () => {
  it('a value with a newline and ::error is refused (it would split every replay line)', () => {
    const r = runCli(['--adapter', 'reference', '--opt', 'k=x\n::error title=OPT::injected\u001b[31m', ...STEP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--opt k: the value has control characters');
    expect(r.stdout).toBe('');
    expectNoReports(r.dir);
  });
});

describe('info() and factories that misbehave', () => {
  it('an info() that throws', () => {
    const r = runAdapter('info-throws.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('adapter.info() threw');
    expectStartFault(r.dir);
  });

  it('an info() that returns 42', () => {
    const r = runAdapter('info-number.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not an object');
    expectStartFault(r.dir);
  });

  it('a factory that throws undefined', () => {
    const r = runAdapter('factory-throws-undefined.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('threw undefined');
    expect(r.stderr).not.toContain('internal error');
    expectStartFault(r.dir);
  });
});

describe('expectation files', () => {
  it('a UTF-8 byte order mark is accepted', () => {
    const r = runCli(['--adapter', 'reference', ...STEP, '--dtype', 'float64', '--expectations', textFile('\uFEFF{"expectations": []}')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectReportSet(r.dir);
  });

  it('an entry for a property the run does not select, behind a BOM, leaves the run passing', () => {
    const file = textFile(`\uFEFF${JSON.stringify({ expectations: [{ property: 'forward', reason: 'not run here' }] })}`);
    const r = runCli(['--adapter', 'reference', ...STEP, '--dtype', 'float64', '--expectations', file]);
    expect(r.status, r.stderr).toBe(0);
    expectReportSet(r.dir);
  });

  it('dtype "float16" is refused before the run', () => {
    const file = textFile(JSON.stringify({ expectations: [{ property: 'step-jacobian', dtype: 'float16', reason: 'no such dtype' }] }));
    const r = runCli(['--adapter', 'reference', ...STEP, '--expectations', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('float16');
    expectNoReports(r.dir);
  });
});
