/**
 * The command line's option table and the adapter's factory options read from it: shared by the
 * full parse (cliOptions.ts) and by the quick reading that starts the adapter host before the runner
 * is loaded (earlyHost.ts), so that both read argv alike. Only node:util and small modules here.
 * @packageDocumentation
 */
import type { ParseArgsConfig } from 'node:util';
import { hasControlCharacters } from '../text/safeText.js';
import { UsageError } from './usageError.js';

/** `--timeout`'s default, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The options of the run command, for node:util's parseArgs. */
export const CLI_OPTIONS = {
  adapter: { type: 'string', short: 'a' },
  backend: { type: 'string' },
  variant: { type: 'string' },
  dtype: { type: 'string' },
  properties: { type: 'string', short: 'p' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  replay: { type: 'string' },
  'max-n': { type: 'string' },
  'max-t': { type: 'string' },
  report: { type: 'string' },
  format: { type: 'string' },
  timeout: { type: 'string' },
  'max-shrinks': { type: 'string' },
  'time-budget': { type: 'string' },
  'unit-time-budget': { type: 'string' },
  isolation: { type: 'string' },
  expectations: { type: 'string' },
  shard: { type: 'string' },
  jobs: { type: 'string' },
  opt: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

/**
 * The adapter factory's options: every `--opt key=value`, and `backend` from `--backend`.
 * @throws UsageError for a malformed pair, a key that is not allowed, or a value with control characters
 */
export function factoryOptions(opt: readonly string[] | undefined, backend: string | undefined): Record<string, string> {
  const opts: Record<string, string> = {};
  for (const kv of opt ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new UsageError(`--opt takes key=value, got '${kv}'`);
    const key = kv.slice(0, i);
    if (!/^[A-Za-z0-9_.-]+$/.test(key) || key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new UsageError(`--opt key '${key}' is not allowed: keys are letters, digits, '_', '.' and '-', and not __proto__, constructor or prototype`);
    }
    const value = kv.slice(i + 1);
    // The value goes into every replay line: a newline there could start a line of its own.
    if (hasControlCharacters(value)) throw new UsageError(`--opt ${key}: the value has control characters (a newline, an escape); give it on one line`);
    opts[key] = value;
  }
  if (backend !== undefined) opts.backend = backend;
  return opts;
}
