/**
 * `--expectations tfjs`: the expectation file rnn-jac-spec ships for the installed version of a
 * built-in adapter's framework, `reports/conformance/ADAPTER/VERSION/expectations.json` in the package
 * (written by scripts/expectations.mjs from the committed conformance reports).
 * @packageDocumentation
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { builtinAdapter } from '../adapters/builtinAdapters.js';
import { frameworkVersion } from '../adapters/frameworkPackage.js';
import { packageRoot } from '../spec/packageRoot.js';
import { ExpectationsError } from './parseExpectations.js';

/** The framework versions rnn-jac-spec ships an expectation file for, for `adapter`, oldest first (4.9 before 4.22). */
export function shippedVersions(adapter: string, root = packageRoot()): string[] {
  const dir = join(root, 'reports', 'conformance', adapter);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => existsSync(join(dir, v, 'expectations.json')))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * The shipped expectation file of built-in adapter `adapter` for framework version `version`
 * (undefined: the framework is not installed). Throws an ExpectationsError that says what to do
 * when there is none.
 */
export function shippedExpectationsFile(adapter: string, version: string | undefined, root = packageRoot()): string {
  const framework = builtinAdapter(adapter)?.requires[0];
  const instead = 'pass the path of an expectation file instead (--expectations ./known-failures.json), or run without --expectations';
  if (framework === undefined) {
    throw new ExpectationsError(
      `--expectations ${adapter}: rnn-jac-spec ships no expectation file for the ${adapter} adapter (it is the spec as code, expected to pass everything); ${instead}.`,
    );
  }
  const shipped = shippedVersions(adapter, root);
  const list = shipped.length === 0 ? 'none' : shipped.join(', ');
  if (version === undefined) {
    throw new ExpectationsError(
      `--expectations ${adapter} picks the expectation file for the installed version of ${framework}, but ${framework} is not installed (shipped: ${list}).\n  Install it (npm install --save-dev ${framework}), or ${instead}.`,
    );
  }
  const file = join(root, 'reports', 'conformance', adapter, version, 'expectations.json');
  if (existsSync(file)) return file;
  const start =
    shipped.length === 0
      ? ''
      : `\n  The shipped file of ${framework} ${shipped[shipped.length - 1]} is a start for one of your own: ${join(root, 'reports', 'conformance', adapter, shipped[shipped.length - 1], 'expectations.json')}`;
  throw new ExpectationsError(
    `--expectations ${adapter}: rnn-jac-spec ships expectation files for ${framework} ${list}, not for the installed ${version}.\n  ${instead[0].toUpperCase()}${instead.slice(1)}.${start}`,
  );
}

/**
 * The file `--expectations VALUE` names: VALUE itself when it is a file (or not a built-in adapter's
 * name), else the shipped expectation file of that adapter for its framework's installed version,
 * found as the adapter finds its framework (next to rnn-jac-spec, else in the project at `cwd`).
 */
export function expectationsFile(value: string, cwd = process.cwd()): string {
  const builtin = builtinAdapter(value);
  if (builtin === undefined || existsSync(isAbsolute(value) ? value : resolve(cwd, value))) return value;
  const framework = builtin.requires[0];
  return shippedExpectationsFile(value, framework === undefined ? undefined : frameworkVersion(framework, cwd));
}
