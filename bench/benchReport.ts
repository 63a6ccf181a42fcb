/**
 * reports/bench.json and bench.md: per target and variant, the harness overhead table and the
 * Jacobian methods table, with the machine they were measured on. A run replaces the targets it ran
 * and keeps the others (BENCH selects targets); both files are written whole (atomicWriteFile).
 * @packageDocumentation
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { atomicWriteFile } from '../src/report/atomicWrite.js';
import { cpus, totalmem } from 'node:os';
import { benchTargets } from './benchTargets.js';
import type { HostCostCell } from './hostCost.js';
import type { ShareCell } from './frameworkShare.js';
import type { ScalingCell } from './suiteScaling.js';
import type { MethodTiming } from './jacobianMethods.js';
import type { OverheadCell } from './suiteOverhead.js';

/** One variant of a target. */
export interface BenchVariant {
  readonly variant?: string;
  readonly overhead: readonly OverheadCell[];
  readonly methods: readonly MethodTiming[];
}

/** One target as measured. */
export interface BenchEntry {
  /** Label (benchTargets.ts), framework version, backend as the adapter reports it. */ readonly label: string;
  readonly version?: string;
  readonly backend?: string;
  /** Machine, time and commit of the measurement (the harness changes with the code). */ readonly machine: string;
  readonly ranAt: string;
  readonly commit?: string;
  /** Its variants. */ readonly variants: readonly BenchVariant[];
}

/** The commit checked out (with `+` when the tree has changes), or undefined outside git. */
export function commit(): string | undefined {
  try {
    const head = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty =
      execSync('git status --porcelain --untracked-files=no', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() !== '';
    return dirty ? `${head}+` : head;
  } catch {
    return undefined;
  }
}

/** The machine, in words: CPU model and count, memory, Node. */
export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'} × ${c.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/** The adapter host's cost per call, as measured (hostCost.ts). */
export interface HostCostEntry {
  readonly machine: string;
  readonly ranAt: string;
  readonly commit?: string;
  readonly cells: readonly HostCostCell[];
}

/** What reports/bench.json holds. */
/** The framework's share of wall time (frameworkShare.ts), as measured. */
export interface ShareEntry {
  readonly machine: string;
  readonly ranAt: string;
  readonly commit?: string;
  readonly cells: readonly ShareCell[];
}
/** The suite's cost per step case by n (suiteScaling.ts), as measured. */
export interface ScalingEntry {
  readonly machine: string;
  readonly ranAt: string;
  readonly commit?: string;
  readonly cells: readonly ScalingCell[];
  readonly exponent: number;
}

interface BenchFile {
  readonly targets: BenchEntry[];
  readonly host?: HostCostEntry;
  readonly share?: ShareEntry;
  readonly scaling?: ScalingEntry;
}

function readBench(jsonFile: string): BenchFile {
  return existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchFile) : { targets: [] };
}

async function writeBench(jsonFile: string, mdFile: string, f: BenchFile): Promise<void> {
  await atomicWriteFile(jsonFile, `${JSON.stringify({ command: 'npm run bench (BENCH=label to select)', dtype: 'float32', ...f }, null, 2)}\n`);
  await atomicWriteFile(mdFile, benchMarkdown(f.targets, f.host, f.share, f.scaling));
}

/** Puts `entry` in place of its namesake in the JSON file and rewrites both files. */
export async function recordBench(jsonFile: string, mdFile: string, entry: BenchEntry): Promise<void> {
  const old = readBench(jsonFile);
  const order = benchTargets.map((t) => t.label);
  const targets = [...old.targets.filter((t) => t.label !== entry.label), entry].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  await writeBench(jsonFile, mdFile, { ...old, targets });
}

/** Replaces the framework-share or the scaling entry and rewrites both files. */
export async function recordSection(jsonFile: string, mdFile: string, part: { share: ShareEntry } | { scaling: ScalingEntry }): Promise<void> {
  await writeBench(jsonFile, mdFile, { ...readBench(jsonFile), ...part });
}

/** Replaces the host-cost entry and rewrites both files. */
export async function recordHostCost(jsonFile: string, mdFile: string, host: HostCostEntry): Promise<void> {
  await writeBench(jsonFile, mdFile, { ...readBench(jsonFile), host });
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const SIZES = [8, 64, 256];

/** The overhead table (bare ms → suite ms per case, ×ratio) and the methods table. */
export function benchMarkdown(targets: readonly BenchEntry[], host?: HostCostEntry, share?: ShareEntry, scaling?: ScalingEntry): string {
  const name = (t: BenchEntry, v: BenchVariant): string => `${t.label}${v.variant !== undefined ? ` ${v.variant}` : ''}`;
  const overhead = targets.flatMap((t) =>
    t.variants.flatMap((v) => {
      const keys = [...new Set(v.overhead.map((c) => `${c.property}|${c.T}`))];
      return keys.map((k) => {
        const [property, T] = k.split('|');
        const cells = SIZES.map((n) => v.overhead.find((c) => c.property === property && String(c.T) === T && c.n === n));
        const cell = (c: OverheadCell | undefined): string =>
          c === undefined ? '-' : `${ms(c.bare.meanMs)} → ${ms(c.suite.meanMs)} (×${c.ratio.toFixed(2)})${c.verdict !== 'pass' ? ` ${c.verdict}` : ''}`;
        return `| ${name(t, v)} | ${property}${property === 'step-jacobian' ? '' : `, T = ${T}`} | ${cells.map(cell).join(' | ')} |`;
      });
    }),
  );
  const methodNames = ['stepJacobian', 'n VJPs', 'n JVPs', 'central differences'] as const;
  const methods = targets.flatMap((t) =>
    t.variants.flatMap((v) =>
      SIZES.filter((n) => v.methods.some((m) => m.n === n)).map((n) => {
        const row = methodNames.map((m) => v.methods.find((x) => x.n === n && x.method === m));
        const best = Math.min(...row.filter((x) => x !== undefined).map((x) => x.timing.meanMs));
        return `| ${name(t, v)} | ${n} | ${row.map((x) => (x === undefined ? '-' : x.timing.meanMs === best ? `**${ms(x.timing.meanMs)}**` : ms(x.timing.meanMs))).join(' | ')} |`;
      }),
    ),
  );
  return [
    '# Benchmarks (`npm run bench`, float32)',
    '',
    ...[...new Set(targets.map((t) => t.machine))].map((m) => `Machine: ${m}.`),
    '',
    ...targets.map((t) => `- ${t.label}: ${t.version ?? ''} at commit ${t.commit ?? '?'}, ${t.ranAt}`),
    '',
    '## Harness overhead',
    '',
    "Per cell: the bare adapter call → the suite's whole time per case (generation, call, expected value with its error bound, comparison), in ms, and their ratio. m is drawn in 1..8.",
    '',
    '| target | property | n = 8 | n = 64 | n = 256 |',
    '|---|---|---|---|---|',
    ...overhead,
    '',
    '## One-step Jacobian by method',
    '',
    "ms per n×n Jacobian (tanh); the fastest in bold. stepJacobian is the adapter's own method (one batched pass where the framework allows it).",
    '',
    '| target | n | stepJacobian | n VJPs | n JVPs | central differences |',
    '|---|---|---|---|---|---|',
    ...methods,
    '',
    ...(host === undefined
      ? []
      : [
          '## Adapter host cost per call',
          '',
          `ms per step-Jacobian call of the reference adapter (float32): through the host, inside the adapter member, and the difference, the host's own cost (at commit ${host.commit ?? '?'}, ${host.ranAt}).`,
          '',
          '| isolation | n | call | inside the adapter | host cost |',
          '|---|---|---|---|---|',
          ...host.cells.map((c) => `| ${c.isolation} | ${c.n} | ${ms(c.callMs)} | ${ms(c.adapterMs)} | ${ms(c.overheadMs)} |`),
          '',
        ]),
    ...(share === undefined
      ? []
      : [
          "## The framework's share of a run",
          '',
          `Default sizes, float32, measured from outside the runner (\`node scripts/framework-share.mjs\`, at commit ${share.commit ?? '?'}, ${share.ranAt}): time inside the adapter's members over the CLI process's wall time; with the adapter's factory (the framework's import and set-up) counted too; and over the span from the first call's start to the last call's end (the steady state, without start-up and reports). The bare replay (\`scripts/replay-calls.mjs\`, \`framework-share.mjs --ceiling\`) makes the same calls back to back in one process with nothing of the suite around them: its share is the most a harness that starts Node, imports the framework and makes them one at a time reaches without slowing them.`,
          '',
          '| run | cases | wall | inside the members | share | factory | share with it | span | share of the span | bare replay: wall | its share (the ceiling) |',
          '|---|---|---|---|---|---|---|---|---|---|---|',
          ...share.cells.map(
            (c) =>
              `| ${c.label} | ${c.cases} | ${(c.wallMs / 1000).toFixed(2)} s | ${(c.adapterMs / 1000).toFixed(2)} s | ${(c.adapterMs / c.wallMs).toFixed(2)} | ${(c.factoryMs / 1000).toFixed(2)} s | ${((c.adapterMs + c.factoryMs) / c.wallMs).toFixed(2)} | ${c.spanMs === undefined ? '–' : `${(c.spanMs / 1000).toFixed(2)} s`} | ${c.spanMs === undefined ? '–' : (c.adapterMs / c.spanMs).toFixed(2)} | ${c.ceiling === undefined ? '–' : `${(c.ceiling.wallMs / 1000).toFixed(2)} s`} | ${c.ceiling === undefined ? '–' : (c.ceiling.adapterMs / c.ceiling.wallMs).toFixed(2)} |`,
          ),
          '',
        ]),
    ...(scaling === undefined
      ? []
      : [
          "## The suite's cost per step case",
          '',
          `Generation, expected value with its bound and comparison of one float32 step case, no adapter (at commit ${scaling.commit ?? '?'}, ${scaling.ranAt}); growth exponent from the smallest to the largest n: ${scaling.exponent.toFixed(2)}.`,
          '',
          '| n | ms per case | cases |',
          '|---|---|---|',
          ...scaling.cells.map((c) => `| ${c.n} | ${ms(c.msPerCase)} | ${c.cases} |`),
          '',
        ]),
  ].join('\n');
}
