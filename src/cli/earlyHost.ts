/**
 * The adapter host started before the runner is loaded: a run spends a few hundred milliseconds
 * loading its modules, and the host can boot and import the framework meanwhile. argv is read here
 * with the run's own option table; the full parse decides, and an early start that differs from it
 * is killed, so a misreading here costs time, never a wrong start.
 * @packageDocumentation
 */
import { parseArgs } from 'node:util';
import { beginStart, type EarlyStart } from '../host/hostChild.js';
import { CLI_OPTIONS, DEFAULT_TIMEOUT_MS, factoryOptions } from './cliArgs.js';

/**
 * Spawns the adapter host and starts the adapter in it when argv asks for a plain run with a
 * process host (not help, a listing, `merge`, `vectors`, `--jobs` or `--isolation none`); undefined
 * otherwise, or when argv does not parse.
 */
export function startHostEarly(argv: readonly string[]): EarlyStart | undefined {
  try {
    const v = parseArgs({ args: [...argv], options: CLI_OPTIONS, allowPositionals: false }).values;
    if (v.help === true || v.version === true || v.list === true || v.adapter === undefined) return undefined;
    if ((v.isolation ?? 'process') !== 'process' || (v.jobs !== undefined && v.jobs.trim() !== '1')) return undefined;
    const timeoutMs = v.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(v.timeout.trim());
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) return undefined;
    return beginStart({ spec: v.adapter, options: factoryOptions(v.opt, v.backend), cwd: process.cwd() }, timeoutMs);
  } catch {
    return undefined; // the full parse reports what is wrong
  }
}
