/**
 * Bad command lines and adapters that cannot load: exit code 2, a message on stderr that says what is
 * wrong; a refused command line writes no report, an adapter that cannot start a whole report set
 * that says why. Also --help, --version and --list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, filesIn, fixture, removeReportDirs, reportDir, ROOT } from './harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const REF = ['--adapter', 'reference'];
const MINIMAL = ['--adapter', './examples/minimal-adapter.mjs'];

/** [what, arguments, words stderr must contain]. */
const BAD: readonly [string, readonly string[], readonly (string | RegExp)[]][] = [
  ['unknown adapter name', ['--adapter', 'nosuchadapter'], ["unknown adapter 'nosuchadapter'", 'reference', '--adapter ./my-adapter.mjs']],
  ['missing adapter file', ['--adapter', './no/such/adapter.mjs'], ['adapter file not found', join(ROOT, 'no/such/adapter.mjs')]],
  [
    'default export not a function',
    ['--adapter', fixture('not-an-adapter.mjs')],
    ['is not an adapter module', 'default export must be a factory function', 'it is object'],
  ],
  ['adapter without stepJacobian', ['--adapter', fixture('missing-step-jacobian.mjs')], ['does not follow the contract', 'stepJacobian(c) must be a function']],
  ['factory that throws', ['--adapter', fixture('throwing-factory.mjs')], ['could not start', 'libfancy is not installed: npm install libfancy']],
  ['--runs abc', [...REF, '--runs', 'abc'], ['--runs must be an integer', "'abc'"]],
  ['--runs 0', [...REF, '--runs', '0'], ['--runs must be between 1 and']],
  // node:util parseArgs refuses a value that starts with a dash unless written --max-n=-3.
  ['--max-n -3', [...REF, '--max-n', '-3'], ['--max-n', /ambiguous|between 1 and/]],
  ['--max-n=-3', [...REF, '--max-n=-3'], ['--max-n must be between 1 and 1024', '-3']],
  ['--seed 1.5', [...REF, '--seed', '1.5'], ['--seed must be an integer', "'1.5'"]],
  ['unknown property', [...REF, '--properties', 'nope'], ["unknown property 'nope'", 'step-jacobian']],
  ['unknown dtype', [...REF, '--dtype', 'float16'], ['--dtype must be float32 or float64', "'float16'"]],
  ['unknown option', [...REF, '--frobnicate'], ["Unknown option '--frobnicate'", '--help']],
  ['missing --adapter', ['--runs', '3'], ['--adapter is required']],
  ['bad --replay', [...REF, '--replay', 'x'], ['--replay takes SEED:PATH', "'x'"]],
  ['bad --format', [...REF, '--format', 'pdf'], ['unknown report format "pdf"', 'json, junit, md']],
  ['--variant for an adapter without variants', [...MINIMAL, '--variant', 'nope'], ["has no variant 'nope'", 'declares: none']],
  [
    '--dtype the adapter does not declare',
    ['--adapter', fixture('float64-only.mjs'), '--dtype', 'float32'],
    ['does not compute in float32', 'declares: float64'],
  ],
  ['a backend the reference adapter does not have', [...REF, '--backend', 'wasm'], ["has no backend 'wasm'", 'JavaScript only']],
];

/** The rows of {@link BAD} where the run began: the report folder was opened, then the adapter failed. */
const STARTED = new Set([
  'a backend the reference adapter does not have',
  'unknown adapter name',
  'missing adapter file',
  'default export not a function',
  'adapter without stepJacobian',
  'factory that throws',
  '--variant for an adapter without variants',
  '--dtype the adapter does not declare',
]);

describe('a TypeScript adapter on a Node without type stripping', () => {
  it.skipIf(Number(process.versions.node.split('.')[0]) >= 22)('exits 2 and says how to run it', () => {
    const r = cli(['--adapter', fixture('typescript-adapter.ts'), '--report', reportDir()]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('does not run TypeScript: compile the adapter to JavaScript (tsc)');
  });
});

describe('exit code 2 on bad input', () => {
  it.each(BAD)('%s', (_what, args, words) => {
    const dir = reportDir();
    const r = cli([...args, '--report', dir]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^rnn-jac-spec: /);
    for (const w of words) {
      if (typeof w === 'string') expect(r.stderr).toContain(w);
      else expect(r.stderr).toMatch(w);
    }
    // A message, not a crash: no stack trace.
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // A run that began has printed its first line (version, seed, sizes); a refused command line nothing.
    expect(r.stdout).toMatch(STARTED.has(_what) ? /^rnn-jac-spec \S+, spec \S+: seed \d+[^\n]*\n$/ : /^$/);
    // A refused command line leaves nothing (not even the directory); an adapter that cannot start
    // or honour an option (the run began) leaves a whole report set that says why.
    const started = STARTED.has(_what);
    expect(filesIn(dir)).toEqual(started ? ['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md'] : []);
    if (started) expect(JSON.parse(readFileSync(join(dir, 'rnn-jac-spec.json'), 'utf8')).faults[0].during).toBe('start');
  });

  it('usage errors point to --help', () => {
    expect(cli([...REF, '--runs', 'abc']).stderr).toContain("Run 'rnn-jac-spec --help' for the options.");
  });
});

describe('informational modes (exit 0)', () => {
  it('--help prints the usage with every option and the exit codes', () => {
    for (const flag of ['--help', '-h']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: rnn-jac-spec --adapter NAME\|PATH/);
      for (const opt of [
        '--adapter',
        '--backend',
        '--variant',
        '--dtype',
        '--properties',
        '--runs',
        '--seed',
        '--replay',
        '--max-n',
        '--max-t',
        '--report',
        '--format',
        '--timeout',
        '--opt',
        '--list',
        '--version',
      ]) {
        expect(r.stdout).toContain(opt);
      }
      expect(r.stdout).toContain('Exit codes: 0');
    }
  });

  it('--help wins over a missing --adapter', () => {
    expect(cli(['--help', '--runs', '5']).status).toBe(0);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('--list names the properties, the built-in adapters and the activations', () => {
    const r = cli(['--list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Properties \(spec [\d.]+\):/);
    for (const p of [
      'step-jacobian',
      'kink-subgradient',
      'input-jacobian',
      'sequence-jacobian',
      'parameter-gradients',
      'adjoint',
      'forward',
      'gradient-bound',
    ]) {
      expect(r.stdout).toContain(p);
    }
    expect(r.stdout).toContain('Built-in adapters:\n  reference:');
    expect(r.stdout).toContain('Activations:');
    for (const a of ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu(alpha)', 'elu(alpha)', 'softplus', 'gelu']) expect(r.stdout).toContain(`  ${a}: σ =`);
  });
});
