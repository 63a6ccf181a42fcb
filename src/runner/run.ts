import { createHash } from 'node:crypto';
import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { activations } from '../activation/activations.js';
import { DTYPES, FORMS, type Adapter, type AdapterInfo, type Dtype, type Form, type VariantScope } from '../contract.js';
import type { AdapterDeclaration } from '../host/adapterDeclaration.js';
import type { AdapterHost, HostFault, Isolation } from '../host/adapterHost.js';
import { inProcessHost } from '../host/inProcessHost.js';
import { properties } from '../property/properties.js';
import type { PropertyId } from '../property/property.js';
import { packageVersion } from '../spec/packageRoot.js';
import { specDocument } from '../spec/specDocument.js';
import type { NotDeclared, PropertyResult, RunResult, Target } from '../result.js';
import { ReplayPathError, runProperty } from './runProperty.js';
import { summarize } from './summarize.js';

/** What a run is about to do: its units in order, and what the adapter said about itself. */
export interface RunPlan {
  readonly units: readonly { readonly property: PropertyId; readonly target: Target }[];
  /** The adapter's name and what its info() said. */ readonly name: string;
  readonly info: AdapterInfo | undefined;
}

/** Everything a run needs; the CLI builds it from its arguments. */
export interface RunOptions {
  /**
   * The adapter under test, in its host (the CLI's default: a supervised child process). The run
   * neither starts nor closes it.
   */
  readonly host?: AdapterHost;
  /**
   * Or the adapter object itself, already created: it is then hosted in this process (as by
   * `--isolation none`), and not disposed by the run.
   */
  readonly adapter?: Adapter;
  /** `--adapter` as the user wrote it (for replay lines and reports). */ readonly adapterSpec: string;
  /** `--backend`. */ readonly backend?: string;
  /** `--variant`: only this one (must be one of the adapter's variants). */ readonly variant?: string;
  /** `--dtype`: only this one (must be one of the adapter's dtypes). */ readonly dtype?: Dtype;
  /** Properties to run, in spec order. */ readonly properties: readonly PropertyId[];
  /** Cases per property and target. */ readonly runs: number;
  /** fast-check seed. */ readonly seed: number;
  /** Replays one case (`--replay SEED:PATH`): `seed` is then the replay seed. */ readonly path?: string;
  /** Largest n and T. */ readonly maxN: number;
  readonly maxT: number;
  /** Per-call timeout in ms. */ readonly timeoutMs: number;
  /** `--max-shrinks` (default DEFAULT_MAX_SHRINKS in runProperty.ts). */ readonly maxShrinks?: number;
  /**
   * `--time-budget`: ms the whole run may take. Each unit, as it starts, gets an equal share of what is
   * left, so every unit runs; one that spends its share stops after the cases it checked.
   */
  readonly timeBudgetMs?: number;
  /** `--unit-time-budget`: ms one property × target may take. */ readonly unitTimeBudgetMs?: number;
  /** When the run began (the CLI's start, before the adapter started); default: when run() is called. */ readonly startedAt?: Date;
  /** `--opt` values. */ readonly opts: Readonly<Record<string, string>>;
  /** `--shard i/N`: run only shard `index` (1-based) of `count` (see {@link shardOf}). */ readonly shard?: { readonly index: number; readonly count: number };
  /** Progress callback: called before each property × target and after each case. */
  readonly onProgress?: (p: Progress) => void;
  /** Called once the run is planned, with the run as it stands (for an interrupt) and its unit count. */
  readonly onStart?: (soFar: (faults?: readonly HostFault[]) => RunResult, units: number, plan: RunPlan) => void;
  /** Called with each property × target result as its unit ends. */
  readonly onResult?: (r: PropertyResult) => void;
}

/** Where a run is. */
export interface Progress {
  /** Property × target index (1-based) and how many there are. */ readonly step: number;
  readonly steps: number;
  /** What runs now, e.g. `step-jacobian float32`. */ readonly label: string;
  /** Cases run so far in this step. */ readonly cases: number;
  /** Cases each step generates (`runs`; shrinking a failure adds more). */ readonly runs: number;
}

/** A run option the adapter cannot honour: the CLI turns it into exit code 2. */
export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
}

/** What {@link targetsOf} needs of a run. */
export interface TargetOptions {
  /** The adapter's declaration. */ readonly adapter: AdapterDeclaration;
  /** `--backend`, `--variant`, `--dtype`. */ readonly backend?: string;
  readonly variant?: string;
  readonly dtype?: Dtype;
}

/** The targets a run covers: the adapter's variants × dtypes, narrowed by `--variant` and `--dtype`. */
export function targetsOf(o: TargetOptions): Target[] {
  const a = o.adapter;
  const variants: (string | undefined)[] = a.variants && a.variants.length > 0 ? [...a.variants] : [undefined];
  if (o.variant !== undefined && !variants.includes(o.variant)) {
    throw new RunSetupError(`adapter '${a.name}' has no variant '${o.variant}'; it declares: ${variants.filter((v) => v !== undefined).join(', ') || 'none'}`);
  }
  if (o.dtype !== undefined && !a.dtypes.includes(o.dtype)) {
    throw new RunSetupError(`adapter '${a.name}' does not compute in ${o.dtype}; it declares: ${a.dtypes.join(', ')}`);
  }
  const dtypes = o.dtype !== undefined ? [o.dtype] : [...a.dtypes];
  const chosen = o.variant !== undefined ? [o.variant] : variants;
  const computesIn = (variant: string | undefined, dtype: Dtype): boolean => {
    const only = variant !== undefined ? a.variantScopes?.[variant]?.dtypes : undefined;
    return only === undefined || only.includes(dtype);
  };
  if (o.variant !== undefined && o.dtype !== undefined && !computesIn(o.variant, o.dtype)) {
    throw new RunSetupError(
      `variant '${o.variant}' of adapter '${a.name}' does not compute in ${o.dtype}; it computes in: ${a.variantScopes?.[o.variant]?.dtypes?.join(', ')}`,
    );
  }
  return chosen.flatMap((variant) =>
    dtypes.filter((dtype) => computesIn(variant, dtype)).map((dtype) => ({ adapter: a.name, backend: o.backend, variant, dtype })),
  );
}

/**
 * The units of work a shard runs: the run's property × target pairs, in report order (targets
 * outermost), dealt round-robin, unit k (0-based) to shard k mod count + 1. Every unit's cases depend
 * on the seed alone, so the shards of one seed together run exactly what one unsharded run runs,
 * and `rnn-jac-spec merge` puts their results back in order.
 */
export function shardOf<T>(units: readonly T[], shard: RunOptions['shard']): T[] {
  return shard === undefined ? [...units] : units.filter((_, k) => k % shard.count === shard.index - 1);
}

/**
 * The case constraints of a target: its variant's forms, activations and scope, at sizes up to
 * `maxN` (m up to min(8, maxN)) and `maxT`. `supported` is empty when the adapter lists no catalogue
 * activation the target covers.
 */
export function caseConstraintsOf(a: AdapterDeclaration, target: Target, maxN: number, maxT: number): { constraints: CaseConstraints; supported: string[] } {
  const { forms, supported, scope } = scopeOf(a, target.variant, target.dtype);
  return { constraints: { maxN, maxT, maxM: Math.min(8, maxN), dtype: target.dtype, forms, activations: supported, scope }, supported };
}

/**
 * A run so far: what a finished run returns, and what an interrupted one reports (`interrupted`),
 * with the results of the units that ended.
 */
export type RunSoFar = (results: readonly PropertyResult[], interrupted?: boolean) => RunResult;

/** Who ran: the adapter's name and info as the host reported them (or the `--adapter` spec before it started). */
export interface RunIdentity {
  /** The adapter's name. */ readonly name: string;
  /** Its info(), when it has one. */ readonly info?: AdapterInfo;
  /** Where it ran. */ readonly isolation: Isolation;
  /** Property × target units of the whole run (recorded with `--shard`). */ readonly units?: number;
  /** Digest of those units, in order, and of the declaration they were dealt from (recorded with `--shard`). */ readonly plan?: string;
  /** What the adapter did not declare (see {@link notDeclaredOf}). */ readonly notDeclared?: NotDeclared;
}

/**
 * The catalogue's dtypes, activations and forms that the adapter's declaration leaves out, per target
 * of the run, or undefined when it leaves out none: no case draws them, so the report says so.
 */
export function notDeclaredOf(
  a: AdapterDeclaration,
  targets: readonly Target[],
  only: { readonly variant?: string; readonly dtype?: Dtype } = {},
): NotDeclared | undefined {
  const dtypes = DTYPES.filter((d) => !a.dtypes.includes(d));
  // A variant whose scope leaves out a dtype the adapter computes in has no target there: nothing of it is tested.
  const inPlay = only.dtype !== undefined ? [only.dtype] : a.dtypes;
  const absent = (only.variant !== undefined ? [only.variant] : (a.variants ?? [])).flatMap((variant) => {
    const within = a.variantScopes?.[variant]?.dtypes;
    return within === undefined
      ? []
      : inPlay
          .filter((dtype) => !within.includes(dtype))
          .map((dtype) => ({ variant, dtype, activations: Object.keys(activations), forms: [...FORMS], notComputed: true as const }));
  });
  const missing = targets.flatMap((t) => {
    const { forms, supported } = scopeOf(a, t.variant, t.dtype);
    const out = {
      ...(t.variant !== undefined ? { variant: t.variant } : {}),
      dtype: t.dtype,
      activations: Object.keys(activations).filter((n) => !supported.includes(n)),
      forms: FORMS.filter((f) => !forms.includes(f)),
    };
    return out.activations.length > 0 || out.forms.length > 0 ? [out] : [];
  });
  const all = [...missing, ...absent];
  return dtypes.length > 0 || all.length > 0 ? { dtypes, targets: all } : undefined;
}

/**
 * The digest that ties a shard to the run it was dealt from: SHA-256 of the run's units in report
 * order and of the adapter's declaration. Shards merge by position, so shards whose adapters declared
 * differently (and were dealt other units, or the same units with other scopes) must not merge.
 */
export function planDigest(units: readonly { readonly target: Target; readonly id: PropertyId }[], declaration: AdapterDeclaration): string {
  return createHash('sha256')
    .update(JSON.stringify({ units: units.map((u) => [u.id, u.target]), declaration }))
    .digest('hex');
}

/** The `--opt` values a report records: all but `backend` (recorded as such), or undefined when none. */
function adapterOpts(opts: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const { backend: _b, ...rest } = opts;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** What a run's record adds to its results: an interruption, or faults that leave it without a verdict. */
export interface RunExtra {
  readonly interrupted?: true;
  readonly faults?: readonly HostFault[];
}

/**
 * The record of a run: its options, who ran, and the results so far; also what a run that never
 * started (its adapter did not load, it was interrupted first) reports, with `faults` saying why.
 */
export function runResultOf(
  o: Omit<RunOptions, 'host' | 'adapter'>,
  who: RunIdentity,
  startedAt: Date,
  done: readonly PropertyResult[],
  extra: RunExtra = {},
): RunResult {
  return {
    reportVersion: 2,
    tool: { name: 'rnn-jac-spec', version: packageVersion(), specVersion: specDocument().specVersion },
    adapter: { spec: o.adapterSpec, name: who.name, ...(who.info !== undefined ? { info: who.info } : {}) },
    options: {
      seed: o.seed,
      runs: o.runs,
      maxN: o.maxN,
      maxT: o.maxT,
      properties: [...o.properties],
      timeoutMs: o.timeoutMs,
      isolation: who.isolation,
      ...(o.maxShrinks !== undefined ? { maxShrinks: o.maxShrinks } : {}),
      ...(o.timeBudgetMs !== undefined ? { timeBudgetMs: o.timeBudgetMs } : {}),
      ...(o.unitTimeBudgetMs !== undefined ? { unitTimeBudgetMs: o.unitTimeBudgetMs } : {}),
      ...(adapterOpts(o.opts) !== undefined ? { opts: adapterOpts(o.opts) } : {}),
      ...(o.backend !== undefined ? { backend: o.backend } : {}),
      ...(o.variant !== undefined ? { variant: o.variant } : {}),
      ...(o.dtype !== undefined ? { dtype: o.dtype } : {}),
      ...(o.shard !== undefined ? { shard: { ...o.shard, units: who.units ?? 0, ...(who.plan !== undefined ? { plan: who.plan } : {}) } } : {}),
    },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    results: [...done],
    summary: summarize(done),
    ...(extra.faults !== undefined && extra.faults.length > 0 ? { faults: [...extra.faults] } : {}),
    ...(extra.interrupted === true ? { interrupted: true as const } : {}),
    ...(who.notDeclared !== undefined ? { notDeclared: who.notDeclared } : {}),
  };
}

/**
 * Runs every chosen property on every target (or the units of one shard) and collects the results.
 * `onStart`, when given, receives the function that assembles the run from the results so far (for
 * an interrupted run's reports); `onResult` each result as its unit ends.
 */
export async function run(o: RunOptions): Promise<RunResult> {
  const startedAt = o.startedAt ?? new Date();
  if ((o.host === undefined) === (o.adapter === undefined)) throw new Error('run() needs exactly one of host and adapter');
  const host = o.host ?? (await inProcessHost(o.adapter!));
  const declaration = host.declaration;
  const info = host.info;
  // Without --backend, targets name the backend the adapter reports it started (e.g. tfjs's cpu).
  const targets = targetsOf({ adapter: declaration, backend: o.backend ?? info?.backend, variant: o.variant, dtype: o.dtype });
  const units = targets.flatMap((target) => o.properties.map((id) => ({ target, id })));
  const mine = shardOf(units, o.shard);
  const steps = mine.length;
  const results: PropertyResult[] = [];
  const notDeclared = notDeclaredOf(declaration, targets, { variant: o.variant, dtype: o.dtype });
  const who = {
    name: declaration.name,
    info,
    isolation: host.isolation,
    ...(o.shard !== undefined ? { units: units.length, plan: planDigest(units, declaration) } : {}),
    ...(notDeclared !== undefined ? { notDeclared } : {}),
  };
  const soFar: RunSoFar = (done, interrupted) => runResultOf(o, who, startedAt, done, interrupted === true ? { interrupted } : {});
  // An interrupted run, or one that ends in an internal error (with it as a fault), reports the units that ended.
  o.onStart?.((faults) => (faults === undefined ? soFar(results, true) : runResultOf(o, who, startedAt, results, { faults })), steps, {
    units: mine.map((u) => ({ property: u.id, target: u.target })),
    name: declaration.name,
    info,
  });
  for (const { target, id } of mine) {
    const { constraints, supported } = caseConstraintsOf(declaration, target, o.maxN, o.maxT);
    const label = `${id} ${target.variant !== undefined ? `${target.variant} ` : ''}${target.dtype}`;
    const step = results.length + 1;
    o.onProgress?.({ step, steps, label, cases: 0, runs: o.runs });
    const deadline = unitDeadline(o, startedAt, steps - results.length);
    const result =
      supported.length === 0
        ? notApplicable(id, target, `the adapter supports no catalogue activation (it lists: ${declaration.activations.join(', ') || 'none'})`)
        : await runProperty({
            id,
            property: properties[id],
            host,
            adapterSpec: o.adapterSpec,
            target,
            constraints,
            runs: o.runs,
            seed: o.seed,
            path: o.path,
            timeoutMs: o.timeoutMs,
            opts: o.opts,
            maxShrinks: o.maxShrinks,
            deadline,
            onCase: (cases) => o.onProgress?.({ step, steps, label, cases, runs: o.runs }),
          }).catch((e: unknown) => {
            if (e instanceof ReplayPathError) throw new RunSetupError(e.message);
            throw e;
          });
    results.push(result);
    o.onResult?.(result);
  }
  return soFar(results);
}

/**
 * When the unit starting now must stop (a `performance.now()` time), or undefined without a budget:
 * the earlier of its `--unit-time-budget` and an equal share of what is left of `--time-budget`
 * among the `unitsLeft` units, this one included.
 */
function unitDeadline(o: Pick<RunOptions, 'timeBudgetMs' | 'unitTimeBudgetMs'>, startedAt: Date, unitsLeft: number): number | undefined {
  const now = performance.now();
  const share = o.timeBudgetMs === undefined ? Infinity : Math.max(0, startedAt.getTime() + o.timeBudgetMs - Date.now()) / Math.max(1, unitsLeft);
  const allowed = Math.min(share, o.unitTimeBudgetMs ?? Infinity);
  return Number.isFinite(allowed) ? now + allowed : undefined;
}

/**
 * The forms and catalogue activations a variant covers (its {@link VariantScope}, else the
 * adapter's), and the scope itself, which properties read for capabilities and finite differences.
 */
export function scopeOf(
  a: AdapterDeclaration,
  variant: string | undefined,
  dtype?: Dtype,
): { forms: readonly Form[]; supported: string[]; scope: VariantScope | undefined } {
  const scope: VariantScope | undefined = variant !== undefined ? a.variantScopes?.[variant] : undefined;
  const forms = scope?.forms ?? (a.forms && a.forms.length > 0 ? a.forms : ['pascanu' as const]);
  const names = scope?.activations ?? a.activations;
  const inDtype = dtype !== undefined ? a.dtypeActivations?.[dtype] : undefined;
  const supported = Object.keys(activations).filter((n) => names.includes(n) && (inDtype === undefined || inDtype.includes(n)));
  return { forms, supported, scope };
}

function notApplicable(id: PropertyId, target: Target, reason: string): PropertyResult {
  const meta = specDocument().properties.find((p) => p.id === id);
  return { property: id, rule: meta?.rule ?? id, title: meta?.title ?? id, target, verdict: 'not-applicable', reason, cases: 0, maxRatio: 0, durationMs: 0 };
}
