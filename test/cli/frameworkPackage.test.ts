/**
 * A built-in adapter's framework, when it is not next to rnn-jac-spec (npx's cache), comes from the
 * project the CLI runs in: imported as Node's `import` would (exports' import condition, else main),
 * its folder and version read from there; a framework in neither place is an error that says what
 * to install.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkPackageDir, frameworkVersion, importFramework, isCommonJs } from '../../src/adapters/frameworkPackage.js';

/** A project with node_modules/NAME made of `files` (package.json given as an object). */
function project(packages: Record<string, Record<string, string | object>>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'rjs-framework-'));
  writeFileSync(join(cwd, 'package.json'), '{"name": "user-project", "private": true}');
  for (const [name, files] of Object.entries(packages)) {
    for (const [file, content] of Object.entries(files)) {
      const path = join(cwd, 'node_modules', name, file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    }
  }
  return cwd;
}

describe('importFramework from the project in cwd', () => {
  const cwd = project({
    'rjs-fake-esm': {
      'package.json': { name: 'rjs-fake-esm', version: '1.2.3', type: 'module', exports: { '.': { require: './lib/index.cjs', import: './lib/index.js' } } },
      'lib/index.js': 'export const kind = "esm";',
      'lib/index.cjs': 'exports.kind = "cjs";',
    },
    '@rjs-fake/cjs': {
      'package.json': { name: '@rjs-fake/cjs', version: '4.5.6', main: 'dist/main.js', module: 'dist/index.js' },
      'dist/main.js': 'exports.kind = "main";',
    },
    'rjs-fake-dirmain': {
      'package.json': { name: 'rjs-fake-dirmain', version: '7.8.9', main: 'lib' },
      'lib/index.js': 'exports.kind = "lib/index";',
    },
    // Exports assigned so that the scan `import` makes of a CommonJS source cannot see them.
    'rjs-fake-opaque': {
      'package.json': { name: 'rjs-fake-opaque', version: '1.0.0', main: 'index.js' },
      'index.js': 'module.exports = Object.assign({}, { kind: "opaque" });',
    },
    'rjs-fake-broken': {
      'package.json': { name: 'rjs-fake-broken', version: '0.0.1', main: 'index.js' },
      'index.js': 'throw new Error("libbroken.so: cannot open shared object file");',
    },
  });

  it('imports a package the plain import cannot find, with the import condition of its exports', async () => {
    expect(await importFramework<{ kind: string }>('rjs-fake-esm', 'test', { cwd })).toMatchObject({ kind: 'esm' });
    expect(frameworkPackageDir('rjs-fake-esm', cwd)).toBe(join(cwd, 'node_modules', 'rjs-fake-esm'));
    expect(frameworkVersion('rjs-fake-esm', cwd)).toBe('1.2.3');
  });

  it('imports a scoped package without exports by its main field (as tfjs is)', async () => {
    expect(await importFramework<{ kind: string }>('@rjs-fake/cjs', 'test', { cwd })).toMatchObject({ kind: 'main' });
    expect(frameworkVersion('@rjs-fake/cjs', cwd)).toBe('4.5.6');
  });

  it('loads a CommonJS entry by require: the whole of module.exports, not what a scan of the source finds', async () => {
    const mod = await importFramework<{ kind?: string; default?: unknown }>('rjs-fake-opaque', 'test', { cwd });
    expect(mod.kind).toBe('opaque');
    expect(mod.default).toBeUndefined();
  });

  it('tells CommonJS files from ES modules as Node does', () => {
    const pkgs = join(cwd, 'node_modules');
    expect(isCommonJs(join(pkgs, 'rjs-fake-esm', 'lib', 'index.js'))).toBe(false);
    expect(isCommonJs(join(pkgs, 'rjs-fake-esm', 'lib', 'index.cjs'))).toBe(true);
    expect(isCommonJs(join(pkgs, '@rjs-fake', 'cjs', 'dist', 'main.js'))).toBe(true);
    expect(isCommonJs(join(pkgs, 'rjs-fake-dirmain', 'lib', 'index.js'))).toBe(true);
    expect(isCommonJs(join(pkgs, 'x', 'index.mjs'))).toBe(false);
  });

  it('imports a package whose main is a folder, as Node does', async () => {
    expect(await importFramework<{ kind: string }>('rjs-fake-dirmain', 'test', { cwd })).toMatchObject({ kind: 'lib/index' });
  });

  it('prefers the copy next to rnn-jac-spec', () => {
    const elsewhere = project({ '@tensorflow/tfjs': { 'package.json': { name: '@tensorflow/tfjs', version: '0.0.0-project' } } });
    expect(frameworkVersion('@tensorflow/tfjs', elsewhere)).not.toBe('0.0.0-project');
  });

  it('says what to install when the package is in neither place', async () => {
    const missing = importFramework('rjs-no-such-framework', 'the test adapter', { cwd, install: '\n  (install hint)' });
    await expect(missing).rejects.toThrow(
      `the test adapter needs the npm package rjs-no-such-framework, which is not installed (neither next to rnn-jac-spec nor in the project in ${cwd})`,
    );
    await expect(importFramework('rjs-no-such-framework', 'x', { cwd })).rejects.toThrow(
      'Install it in your project: npm install --save-dev rjs-no-such-framework',
    );
    await expect(missing).rejects.toThrow('(install hint)');
    expect(frameworkVersion('rjs-no-such-framework', cwd)).toBeUndefined();
  });

  it('says why a package that is there fails to load, with the load hint', async () => {
    const broken = importFramework('rjs-fake-broken', 'the test adapter', { cwd, load: '\n  (driver hint)' });
    await expect(broken).rejects.toThrow(
      `the test adapter: the npm package rjs-fake-broken in ${join(cwd, 'node_modules', 'rjs-fake-broken')} is installed but failed to load: libbroken.so: cannot open shared object file`,
    );
    await expect(broken).rejects.toThrow('(driver hint)');
  });
});
