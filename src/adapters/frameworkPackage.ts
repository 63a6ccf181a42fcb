/**
 * Where a built-in adapter finds its framework: next to rnn-jac-spec first (the package's own
 * node_modules, or the project it is installed in), then in the project the CLI runs in
 * (process.cwd()). The second is how `npx --package rnn-jac-spec rnn-jac-spec --adapter tfjs` works:
 * npx installs rnn-jac-spec in its cache without its optional peer dependencies, and the framework
 * under test is the one in the user's project.
 * @packageDocumentation
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The conditions Node's `import` resolves package exports with, in the order it tries them. */
const IMPORT_CONDITIONS = ['node', 'import', 'default'];

/** The folder of `pkg` as `require` from `from` (a file) would find it, or undefined. */
function packageDirFrom(pkg: string, from: string): string | undefined {
  for (const dir of createRequire(from).resolve.paths(pkg) ?? []) {
    if (existsSync(join(dir, pkg, 'package.json'))) return join(dir, pkg);
  }
  return undefined;
}

/** The project the CLI runs in (its package.json need not exist). */
function projectFile(cwd: string): string {
  return join(cwd, 'package.json');
}

/**
 * The folder of the framework package `pkg`: the copy next to rnn-jac-spec, else the one in the
 * project at `cwd`, else undefined (not installed).
 */
export function frameworkPackageDir(pkg: string, cwd = process.cwd()): string | undefined {
  return packageDirFrom(pkg, import.meta.url) ?? packageDirFrom(pkg, projectFile(cwd));
}

/** The version in the package.json of `pkg` as {@link frameworkPackageDir} finds it, or undefined. */
export function frameworkVersion(pkg: string, cwd = process.cwd()): string | undefined {
  const dir = frameworkPackageDir(pkg, cwd);
  if (dir === undefined) return undefined;
  try {
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The export target an `import` picks among conditions (a string, a list, nested objects). */
function importTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(importTarget).find((t) => t !== undefined);
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (IMPORT_CONDITIONS.includes(condition)) return importTarget(value);
  }
  return undefined;
}

/** The file `import(pkg)` loads for the package in `dir`: its `exports` "." for import, else `main`. */
function importEntry(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: unknown; main?: unknown };
  const exp = manifest.exports;
  const root =
    typeof exp === 'object' && exp !== null && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'))
      ? (exp as Record<string, unknown>)['.']
      : exp;
  const target = exp === undefined ? undefined : importTarget(root);
  if (target !== undefined) return join(dir, target);
  const main = typeof manifest.main === 'string' ? join(dir, manifest.main) : join(dir, 'index.js');
  return [main, `${main}.js`, join(main, 'index.js')].find((f) => existsSync(f) && statSync(f).isFile()) ?? main;
}

/**
 * Whether Node loads `file` as CommonJS: a `.cjs` file, or a `.js` file whose nearest package.json
 * does not say `"type": "module"` (a manifest that does not parse: not known, so no).
 */
export function isCommonJs(file: string): boolean {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type !== 'module';
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return true;
  }
}

/**
 * Loads the module file `file` as `import` would pick it. A CommonJS file is loaded by `require`:
 * the same module (Node keeps one cache for both), without the scan of its source for named exports
 * that `import` makes, which costs @tensorflow/tfjs about a third of a second.
 */
async function loadFile<T>(file: string): Promise<T> {
  return (isCommonJs(file) ? createRequire(file)(file) : await import(pathToFileURL(file).href)) as T;
}

/** Where `import(pkg)` from this module would load from (Node ≥ 20.6), or undefined where Node cannot say. */
function resolvedHere(pkg: string): string | undefined {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== 'function') return undefined;
  const url = resolve(pkg);
  return url.startsWith('file:') ? fileURLToPath(url) : undefined;
}

/** Whether `err` says that `pkg` itself (not a package it imports) cannot be found. */
function isMissing(err: unknown, pkg: string): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && typeof e.message === 'string' && e.message.includes(`'${pkg}'`);
}

/** What {@link importFramework} adds to its messages. */
export interface ImportHints {
  /** Appended when the package is missing (how to install it right). */ readonly install?: string;
  /** Appended when the package is there but fails to load (a driver or native library it needs, say). */ readonly load?: string;
  /** The user's project (default process.cwd()). */ readonly cwd?: string;
}

/**
 * Imports the framework package `pkg`: the file `import(pkg)` from rnn-jac-spec loads (a CommonJS
 * one by `require`, see {@link loadFile}), and when that finds no
 * such package, from the project at `cwd`. Throws an Error that says what to install (`why` names
 * who needs it), or, for a package that is there but fails to load, why it failed. Every package a
 * built-in adapter imports goes through here, looked up in the same order.
 */
export async function importFramework<T>(pkg: string, why: string, hints: ImportHints = {}): Promise<T> {
  const cwd = hints.cwd ?? process.cwd();
  let dir: string | undefined;
  try {
    const here = resolvedHere(pkg);
    return here !== undefined ? await loadFile<T>(here) : ((await import(pkg)) as T);
  } catch (err) {
    if (!isMissing(err, pkg)) throw new Error(`${why}: the npm package ${pkg} is installed but failed to load: ${firstLine(err)}${hints.load ?? ''}`);
    dir = packageDirFrom(pkg, projectFile(cwd));
    if (dir === undefined) {
      throw new Error(
        `${why} needs the npm package ${pkg}, which is not installed (neither next to rnn-jac-spec nor in the project in ${cwd}).\n  Install it in your project: npm install --save-dev ${pkg}${hints.install ?? ''}`,
      );
    }
  }
  try {
    return await loadFile<T>(importEntry(dir));
  } catch (err) {
    throw new Error(`${why}: the npm package ${pkg} in ${dir} is installed but failed to load: ${firstLine(err)}${hints.load ?? ''}`);
  }
}

function firstLine(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
