import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Dtype } from '../contract.js';
import { ISOLATIONS, type Isolation } from '../host/adapterHost.js';
import { PROPERTY_IDS } from '../property/properties.js';
import type { PropertyId } from '../property/property.js';
import { parseFormats, type ReportFormat } from '../report/writeReports.js';
import { DEFAULT_MAX_SHRINKS } from '../runner/runProperty.js';
import { CLI_OPTIONS, DEFAULT_TIMEOUT_MS, factoryOptions } from './cliArgs.js';
import { UsageError } from './usageError.js';

/** Defaults of the run options (README "CLI reference" lists the same). */
export const DEFAULTS = {
  runs: 100,
  seed: 12115063,
  maxN: 64,
  maxT: 16,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxShrinks: DEFAULT_MAX_SHRINKS,
  report: 'reports',
  format: 'json,junit,md',
} as const;

/** The parsed command line. */
export interface CliOptions {
  /** What to do. */ readonly mode: 'run' | 'help' | 'version' | 'list';
  /** `--adapter`. */ readonly adapter?: string;
  /** `--backend`. */ readonly backend?: string;
  /** `--variant`. */ readonly variant?: string;
  /** `--dtype`. */ readonly dtype?: Dtype;
  /** `--properties`, in spec order. */ readonly properties: readonly PropertyId[];
  /** `--runs`. */ readonly runs: number;
  /** `--seed` (or the replay seed). */ readonly seed: number;
  /** Path part of `--replay`. */ readonly path?: string;
  /** `--max-n`, `--max-t`. */ readonly maxN: number;
  readonly maxT: number;
  /** `--report`. */ readonly report: string;
  /** `--format`. */ readonly formats: readonly ReportFormat[];
  /** `--timeout` in ms. */ readonly timeoutMs: number;
  /** `--max-shrinks`. */ readonly maxShrinks: number;
  /** `--time-budget` and `--unit-time-budget`, in ms. */ readonly timeBudgetMs?: number;
  readonly unitTimeBudgetMs?: number;
  /** `--expectations`: the expectation file, if given. */ readonly expectations?: string;
  /** `--shard i/N`: run shard i (1-based) of N. */ readonly shard?: { readonly index: number; readonly count: number };
  /** `--jobs N`: run in N child processes (1: in this one). */ readonly jobs: number;
  /** `--isolation`: where the adapter runs (default `process`, a supervised child process). */ readonly isolation: Isolation;
  /** `--opt key=value`, with `backend` from `--backend`. */ readonly opts: Readonly<Record<string, string>>;
}

/**
 * node:util's parseArgs (strict, its default), its errors turned into UsageError (without Node's error-code
 * prefix): the one argv parser of the run, `merge` and `vectors` commands.
 */
export function parseArgv<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config); // strict by default: unknown options and missing values throw
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(err));
  }
}

/** `--format`, as a UsageError when it names an unknown format (default: {@link DEFAULTS}.format). */
export function formatsOf(csv: string | undefined): ReportFormat[] {
  try {
    return parseFormats(csv ?? DEFAULTS.format);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** An integer option in [min, max], or `fallback` when absent; UsageError otherwise. */
export function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be an integer, got '${raw}'`);
  const v = Number(raw);
  if (v < min || v > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** A duration option (`90`, `90s`, `15m`, `1h`; seconds without a unit), in ms, or undefined when absent. */
export function duration(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(raw);
  const ms = m === null ? NaN : Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  if (!(ms >= 1 && ms <= 7 * 24 * 3_600_000))
    throw new UsageError(`--${name} takes a duration such as 90s, 15m or 1h (seconds without a unit), from 1 ms to a week, got '${raw}'`);
  return Math.round(ms);
}

function properties(raw: string | undefined): PropertyId[] {
  if (raw === undefined) return [...PROPERTY_IDS];
  const asked = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = asked.filter((p) => !(PROPERTY_IDS as string[]).includes(p));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((p) => `'${p}'`).join(', ')}; the spec has: ${PROPERTY_IDS.join(', ')}`,
    );
  if (asked.length === 0) throw new UsageError('--properties needs at least one property name');
  return PROPERTY_IDS.filter((p) => asked.includes(p));
}

function shard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m === null ? NaN : Number(m[1]);
  const count = m === null ? NaN : Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count))
    throw new UsageError(`--shard takes i/N with 1 ≤ i ≤ N (e.g. 2/3 for the second of three CI jobs), got '${raw}'`);
  return { index, count };
}

/** Most steps a replay path may have, and the largest shrink index of one step. */
const MAX_PATH_STEPS = 100_000;
const MAX_SHRINK_INDEX = 1_000_000;

/**
 * The path of `--replay SEED:PATH`, checked: its first number is a generated case (below `--runs`),
 * the others are shrink steps; an absurd path would make fast-check walk for ever.
 */
function replayPath(path: string, runs: number): string {
  const steps = path.split(':');
  if (steps.length > MAX_PATH_STEPS)
    throw new UsageError(`--replay path has ${steps.length} steps, more than ${MAX_PATH_STEPS}: copy the Replay line of a report as printed`);
  const [first, ...shrinks] = steps.map(Number);
  if (!Number.isSafeInteger(first) || first >= Math.max(1, runs))
    throw new UsageError(
      `--replay path starts with case ${steps[0]}, but a run of --runs ${runs} has cases 0 to ${Math.max(1, runs) - 1}: pass the --runs of the run that printed it`,
    );
  const bad = shrinks.findIndex((k) => !Number.isSafeInteger(k) || k > MAX_SHRINK_INDEX);
  if (bad >= 0)
    throw new UsageError(
      `--replay path step ${bad + 2} is ${steps[bad + 1]}, more than any shrink step (at most ${MAX_SHRINK_INDEX}): copy the Replay line of a report as printed`,
    );
  return path;
}

/** Parses argv (without node and script). Throws UsageError with a message that says what is wrong. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const parsed = parseArgv({
    args: [...argv],
    allowPositionals: false,
    options: CLI_OPTIONS,
  });
  const v = parsed.values;
  const mode = v.help === true ? 'help' : v.version === true ? 'version' : v.list === true ? 'list' : 'run';
  if (mode === 'run' && v.adapter === undefined)
    throw new UsageError('--adapter is required: a built-in name (e.g. reference) or the path of an adapter module');
  if (v.dtype !== undefined && v.dtype !== 'float32' && v.dtype !== 'float64') throw new UsageError(`--dtype must be float32 or float64, got '${v.dtype}'`);
  let seed = integer('seed', v.seed, DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1);
  let path: string | undefined;
  if (v.replay !== undefined) {
    const m = /^(-?\d+):(\d+(?::\d+)*)$/.exec(v.replay.trim());
    if (m === null) throw new UsageError(`--replay takes SEED:PATH as printed by a failure (e.g. 42:3:0:1), got '${v.replay}'`);
    seed = integer('replay seed', m[1], 0, -(2 ** 31), 2 ** 31 - 1);
    path = replayPath(m[2], v.runs === undefined ? DEFAULTS.runs : Number(v.runs));
  }
  const opts = factoryOptions(v.opt, v.backend);
  const formats = formatsOf(v.format);
  const jobs = integer('jobs', v.jobs, 1, 1, 64);
  const isolation = (v.isolation ?? 'process') as Isolation;
  if (!(ISOLATIONS as readonly string[]).includes(isolation)) throw new UsageError(`--isolation must be ${ISOLATIONS.join(' or ')}, got '${v.isolation}'`);
  if (jobs > 1 && v.shard !== undefined)
    throw new UsageError('--jobs and --shard do not combine: --jobs N already runs the N shards of the run, in N processes, and merges them');
  if (jobs > 1 && path !== undefined) throw new UsageError('--jobs does not apply to --replay, which runs one case');
  return {
    mode,
    adapter: v.adapter,
    backend: v.backend,
    variant: v.variant,
    dtype: v.dtype as Dtype | undefined,
    properties: properties(v.properties),
    runs: integer('runs', v.runs, DEFAULTS.runs, 1, 10_000_000),
    seed,
    path,
    maxN: integer('max-n', v['max-n'], DEFAULTS.maxN, 1, 1024),
    maxT: integer('max-t', v['max-t'], DEFAULTS.maxT, 1, 1024),
    report: v.report ?? DEFAULTS.report,
    formats,
    timeoutMs: integer('timeout', v.timeout, DEFAULTS.timeoutMs, 1, 24 * 3600 * 1000),
    maxShrinks: integer('max-shrinks', v['max-shrinks'], DEFAULTS.maxShrinks, 0, 10_000_000),
    timeBudgetMs: duration('time-budget', v['time-budget']),
    unitTimeBudgetMs: duration('unit-time-budget', v['unit-time-budget']),
    expectations: v.expectations,
    shard: shard(v.shard),
    jobs,
    isolation,
    opts,
  };
}
