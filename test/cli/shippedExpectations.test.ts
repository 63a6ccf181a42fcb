/**
 * `--expectations ADAPTER`: a built-in adapter's name (that is no file) picks the expectation file
 * shipped for the installed version of its framework; a version without one, or the reference
 * adapter, is exit 2 with what to do instead.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpectationsError } from '../../src/expectations/parseExpectations.js';
import { expectationsFile, shippedExpectationsFile, shippedVersions } from '../../src/expectations/shippedExpectations.js';
import { cli, ensureBuilt, readReport, removeReportDirs, reportDir, ROOT } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** The version of `pkg` in the repository's node_modules (the one the adapters load here). */
function installed(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

const shipped = (adapter: string, version: string) => join(ROOT, 'reports', 'conformance', adapter, version, 'expectations.json');

describe('expectationsFile', () => {
  it('resolves a built-in adapter name to the file shipped for the installed framework version', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rjs-shipped-'));
    expect(expectationsFile('tfjs', cwd)).toBe(shipped('tfjs', installed('@tensorflow/tfjs')));
    expect(expectationsFile('onnxruntime', cwd)).toBe(shipped('onnxruntime', installed('onnxruntime-node')));
    expect(expectationsFile('jax-js', cwd)).toBe(shipped('jax-js', installed('@jax-js/jax')));
  });

  it('keeps a value that is a file, even one named like an adapter, or that names no built-in adapter', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rjs-shipped-'));
    writeFileSync(join(cwd, 'tfjs'), '{"expectations": []}');
    expect(expectationsFile('tfjs', cwd)).toBe('tfjs');
    expect(expectationsFile('known.json', cwd)).toBe('known.json');
    expect(expectationsFile('./tfjs', cwd)).toBe('./tfjs');
  });

  it('lists the shipped versions', () => {
    expect(shippedVersions('tfjs')).toContain(installed('@tensorflow/tfjs'));
    expect(shippedVersions('reference')).toEqual([]);
  });

  it('refuses a version without a shipped file, naming the shipped ones and what to do instead', () => {
    const call = () => shippedExpectationsFile('tfjs', '9.9.9');
    expect(call).toThrow(ExpectationsError);
    expect(call).toThrow(`ships expectation files for @tensorflow/tfjs ${shippedVersions('tfjs').join(', ')}, not for the installed 9.9.9`);
    expect(call).toThrow('Pass the path of an expectation file instead (--expectations ./known-failures.json), or run without --expectations');
    expect(call).toThrow(shipped('tfjs', shippedVersions('tfjs').at(-1)!));
  });

  it('refuses a framework that is not installed, with what to install', () => {
    expect(() => shippedExpectationsFile('onnxruntime', undefined)).toThrow('but onnxruntime-node is not installed');
    expect(() => shippedExpectationsFile('onnxruntime', undefined)).toThrow('npm install --save-dev onnxruntime-node');
  });
});

describe('rnn-jac-spec --expectations ADAPTER', () => {
  it('runs tfjs against its shipped file: the known tfjs failure is expected, the run passes (exit 0)', () => {
    const dir = reportDir();
    const r = cli(['--adapter', 'tfjs', '--expectations', 'tfjs', '--properties', 'input-jacobian,step-jacobian', '--runs', '10', '--report', dir]);
    const file = shipped('tfjs', installed('@tensorflow/tfjs'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^XFAIL input-jacobian \(RJS-INPUT\) on tfjs\/cpu\/layers\/float32 /m);
    expect(r.stdout).toContain(`Run passes against ${file}.`);
    expect(readReport(dir).options.expectations).toBe(file);
  });

  it('exits 2 for the reference adapter, before anything runs, saying what to do instead', () => {
    const r = cli(['--adapter', 'reference', '--expectations', 'reference', '--report', reportDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rnn-jac-spec ships no expectation file for the reference adapter');
    expect(r.stderr).toContain('or run without --expectations');
    expect(r.stdout).toBe('');
  });

  it('--help documents the short form', () => {
    expect(cli(['--help']).stdout).toContain('--expectations ADAPTER');
  });
});
