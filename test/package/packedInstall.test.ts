/**
 * The package as a user gets it: `npm pack` of a copy of the working tree (its prepack script builds a
 * clean dist/), the tarball's file list, then fresh projects that install it with a framework and run
 * `npx rnn-jac-spec` against the shipped expectation files: tfjs installed next to it, tfjs in the
 * project with rnn-jac-spec run from npx's cache, and onnxruntime-node installed as the README says
 * (ONNXRUNTIME_NODE_INSTALL=skip), after which `npm ci` must work again. Installs use the npm cache
 * first (--prefer-offline) and the registry for the rest; nothing here skips: a missing tool fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MINUTES = 60_000;
/** The environment of every npm command: none of an outer `npm test`'s npm_* settings, no CUDA download. */
const ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  ONNXRUNTIME_NODE_INSTALL: 'skip',
  CI: 'true',
};
const INSTALL = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Runs a command in `cwd`; its exit status and output (stdout, then stderr). */
function sh(cwd: string, cmd: string, ...args: string[]): { status: number | null; stdout: string; out: string } {
  const r = spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', timeout: 8 * MINUTES, maxBuffer: 64 << 20 });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, out: `$ ${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`.slice(-6000) };
}

/** The version of `pkg` in the repository's node_modules: the one the committed reports and tests use. */
const versionOf = (pkg: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** A fresh project (`npm init -y`) with `deps` installed as dev dependencies. */
function project(...deps: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rjs-user-'));
  expect(sh(dir, 'npm', 'init', '-y').status).toBe(0);
  const r = sh(dir, 'npm', 'install', '--save-dev', ...deps, ...INSTALL);
  expect(r.status, r.out).toBe(0);
  return dir;
}

const work = mkdtempSync(join(tmpdir(), 'rjs-pack-'));
let tarball = '';
let files: string[] = [];
let summary = '';

beforeAll(() => {
  // A copy of what git would commit (tracked and new files, as they are now), never the repository's dist/.
  const src = join(work, 'src');
  const listed = sh(ROOT, 'git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard');
  expect(listed.status, listed.out).toBe(0);
  for (const f of listed.stdout.split('\0').filter((p) => p !== '' && existsSync(join(ROOT, p)))) cpSync(join(ROOT, f), join(src, f));
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const packed = sh(src, 'npm', 'pack', '--json', '--pack-destination', work);
  expect(packed.status, packed.out).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  files = info.files.map((f) => f.path);
  summary = `${info.entryCount} files, ${info.size} bytes packed, ${info.unpackedSize} unpacked`;
}, 10 * MINUTES);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the license, the examples, the expectation files and the report image, and no TypeScript sources', () => {
    console.log(`rnn-jac-spec tarball: ${summary}`);
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'docs/html-report.png',
      'dist/src/cli/main.js',
      'dist/src/contract.d.ts',
      'dist/src/contract.d.cts',
    ])
      expect(files).toContain(f);
    for (const f of readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })) {
      if (/\.(mjs|py)$/.test(f)) expect(files).toContain(`examples/${f.replaceAll('\\', '/')}`);
    }
    const conformance = join(ROOT, 'reports', 'conformance');
    const shipped = readdirSync(conformance)
      .flatMap((a) => (existsSync(join(conformance, a)) ? readdirSync(join(conformance, a)) : []).map((v) => `reports/conformance/${a}/${v}/expectations.json`))
      .filter((f) => existsSync(join(ROOT, f)));
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    // The findings files ship beside them: the README and docs link to them.
    const findings = readdirSync(conformance)
      .map((a) => `reports/conformance/${a}/FINDINGS.md`)
      .filter((f) => existsSync(join(ROOT, f)));
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('reports/')).sort()).toEqual([...shipped, ...findings].sort());
    expect(files.filter((f) => /\.(c|m)?ts$/.test(f) && !/\.d\.(c|m)?ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('adapters/') && !f.endsWith('/durations.json'))).toEqual([]);
  });

  it('has no source map whose sources are missing from the tarball', () => {
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    expect(sh(unpacked, 'tar', 'xzf', tarball).status).toBe(0);
    const missing = files
      .filter((f) => f.endsWith('.map'))
      .flatMap((map) => {
        const { sources } = JSON.parse(readFileSync(join(unpacked, 'package', map), 'utf8')) as { sources: string[] };
        return sources
          .map((s) => join(unpacked, 'package', dirname(map), s))
          .filter((s) => !existsSync(s))
          .map((s) => `${map} -> ${s}`);
      });
    expect(missing).toEqual([]);
  });
});

describe('a fresh project installing the tarball', () => {
  it(
    'with @tensorflow/tfjs: passes against the shipped tfjs expectations; without them only the known tfjs failure fails',
    () => {
      const dir = project(tarball, `@tensorflow/tfjs@${versionOf('@tensorflow/tfjs')}`);
      const expected = sh(dir, 'npx', 'rnn-jac-spec', '--adapter', 'tfjs', '--expectations', 'tfjs', '--runs', '20');
      expect(expected.status, expected.out).toBe(0);
      expect(expected.stdout).toContain(
        `Run passes against ${join(dir, 'node_modules', 'rnn-jac-spec', 'reports', 'conformance', 'tfjs', versionOf('@tensorflow/tfjs'), 'expectations.json')}.`,
      );
      const plain = sh(dir, 'npx', 'rnn-jac-spec', '--adapter', 'tfjs', '--runs', '20', '--report', 'plain');
      expect(plain.status, plain.out).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'plain', 'rnn-jac-spec.json'), 'utf8')) as RunResult;
      const failed = report.results.filter((x) => x.verdict === 'fail').map((x) => `${x.property} ${x.target.variant}`);
      // README tfjs finding 1: tf.layers.simpleRNN cannot differentiate the input of a one-step sequence.
      expect(failed).toEqual(['input-jacobian layers']);
      rmSync(dir, { recursive: true, force: true });
    },
    10 * MINUTES,
  );

  it(
    "with only @tensorflow/tfjs in the project, rnn-jac-spec from npx's cache finds the framework there",
    () => {
      const dir = project(`@tensorflow/tfjs@${versionOf('@tensorflow/tfjs')}`);
      const r = sh(
        dir,
        'npx',
        '--yes',
        '--prefer-offline',
        '--package',
        tarball,
        'rnn-jac-spec',
        '--adapter',
        'tfjs',
        '--expectations',
        'tfjs',
        '--runs',
        '20',
      );
      expect(existsSync(join(dir, 'node_modules', 'rnn-jac-spec'))).toBe(false);
      const cache = /against (.*[/\\]_npx[/\\][0-9a-f]+)[/\\]node_modules[/\\]rnn-jac-spec[/\\]/.exec(r.stdout)?.[1];
      if (cache !== undefined) rmSync(cache, { recursive: true, force: true }); // this tarball's npx install
      expect(r.status, r.out).toBe(0);
      expect(cache, r.out).toBeDefined();
      rmSync(dir, { recursive: true, force: true });
    },
    10 * MINUTES,
  );

  it(
    'with onnxruntime-node (ONNXRUNTIME_NODE_INSTALL=skip): passes against the shipped expectations, and npm ci works again',
    () => {
      const dir = project(tarball, `onnxruntime-node@${versionOf('onnxruntime-node')}`);
      // The default --runs: at --runs 20 some known onnxruntime failures are not reached, so their
      // expectation entries pass (XPASS) and the run exits 1.
      const r = sh(dir, 'npx', 'rnn-jac-spec', '--adapter', 'onnxruntime', '--expectations', 'onnxruntime');
      expect(r.status, r.out).toBe(0);
      expect(r.stdout).toContain(
        `Run passes against ${join(dir, 'node_modules', 'rnn-jac-spec', 'reports', 'conformance', 'onnxruntime', versionOf('onnxruntime-node'), 'expectations.json')}.`,
      );
      const ci = sh(dir, 'npm', 'ci', '--no-audit', '--no-fund');
      expect(ci.status, ci.out).toBe(0);
      expect(sh(dir, 'npx', 'rnn-jac-spec', '--version').status).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    },
    10 * MINUTES,
  );
});
