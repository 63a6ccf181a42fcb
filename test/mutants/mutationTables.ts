/**
 * The files of `npm run mutants`: reports/mutation.json (every row as measured) and mutation.md (one
 * row per mutant, then one per failing property × dtype with its primary diagnosis).
 * @packageDocumentation
 */
import { writeFileSync } from 'node:fs';
import { DEFAULTS } from '../../src/cli/cliOptions.js';

/** One failing property × dtype of a mutant's run. */
export interface FailedUnit {
  /** Property and dtype. */ readonly property: string;
  readonly dtype: string;
  /** Cases generated up to the first failure (1-based). */ readonly casesToFirstFailure: number;
  /** Adapter calls from the first failure to the shrunk case. */ readonly shrinkCalls: number;
  /** Size of the shrunk counterexample. */ readonly shrunk: { readonly n: number; readonly m?: number; readonly T?: number };
  /** Failure kind (RJS-RUN-2). */ readonly kind: string;
  /** Primary diagnosis of the shrunk counterexample; undefined when the failure has none (a throw, a non-finite value). */ readonly diagnosis?: string;
}

/** One mutant's full default run. */
export interface MutantRow {
  /** Mutant ID and its bug. */ readonly id: string;
  readonly description: string;
  /** Whether any property failed. */ readonly killed: boolean;
  /** Property × dtype units run. */ readonly properties: number;
  /** The failing ones, in run order. */ readonly failed: readonly FailedUnit[];
  /** Cases checked and wall time. */ readonly cases: number;
  readonly durationMs: number;
  /** The diagnosis its entry expects (test/mutants), a shortfall of the suite it exposes, or why it survives. */
  readonly expectedDiagnosis?: string;
  readonly gap?: string;
  readonly survives?: string;
}

const median = (xs: readonly number[]): number | undefined => (xs.length === 0 ? undefined : [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]);

/** The shrunk size as `n` (with m and T where the case has them). */
function size(f: FailedUnit): string {
  return [`n = ${f.shrunk.n}`, ...(f.shrunk.m !== undefined ? [`m = ${f.shrunk.m}`] : []), ...(f.shrunk.T !== undefined ? [`T = ${f.shrunk.T}`] : [])].join(
    ', ',
  );
}

/** Writes both files. */
export function writeMutationReport(jsonFile: string, mdFile: string, rows: readonly MutantRow[]): void {
  const killed = rows.filter((r) => r.killed).length;
  const doc = {
    command: 'npm run mutants',
    seed: DEFAULTS.seed,
    mutants: rows.length,
    killed,
    score: rows.length === 0 ? 0 : killed / rows.length,
    results: rows,
  };
  writeFileSync(jsonFile, `${JSON.stringify(doc, null, 2)}\n`);
  const calls = rows.flatMap((r) => r.failed.map((f) => f.shrinkCalls));
  const survivors = rows.filter((r) => !r.killed);
  const md = [
    `Mutation score: ${killed}/${rows.length} killed by the default run (\`npm run mutants\`).`,
    `Shrinking: ${calls.length} failing property runs; adapter calls from the first failure to the shrunk case: median ${median(calls) ?? 0}, most ${Math.max(0, ...calls)}.`,
    ...(survivors.length > 0 ? ['', 'Not killed:', '', ...survivors.map((r) => `- \`${r.id}\`: ${r.survives ?? 'no note'}`)] : []),
    '',
    '| mutant | killed | failing units (of those run) | fewest cases to a first failure | shrunk n (smallest–largest) | shrink calls (median) | primary diagnoses |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ns = r.failed.map((f) => f.shrunk.n);
      const first = r.killed ? String(Math.min(...r.failed.map((f) => f.casesToFirstFailure))) : '—';
      return `| \`${r.id}\` | ${r.killed ? 'yes' : '**no**'} | ${r.failed.length} of ${r.properties} | ${first} | ${r.killed ? `${Math.min(...ns)}–${Math.max(...ns)}` : '—'} | ${median(r.failed.map((f) => f.shrinkCalls)) ?? '—'} | ${[...new Set(r.failed.map((f) => f.diagnosis ?? '-'))].join(', ')} |`;
    }),
    '',
    '## Per failing property',
    '',
    'Each failing property × dtype of each mutant: the cases generated until the first failure, the shrunk counterexample, the adapter calls shrinking took, and the primary diagnosis (the first matching wrong form of the catalogue, or RJS-DIAG-3\'s reading when none matches; `-` for failures that carry none). "Expected" is the diagnosis the mutant\'s entry names.',
    '',
    "| mutant | property | dtype | cases to first failure | shrunk | shrink calls | kind | primary diagnosis | expected (the entry's) |",
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.flatMap((r) =>
      r.failed.map(
        (f) =>
          `| \`${r.id}\` | ${f.property} | ${f.dtype} | ${f.casesToFirstFailure} | ${size(f)} | ${f.shrinkCalls} | ${f.kind} | ${f.diagnosis ?? '-'} | ${r.expectedDiagnosis ?? '—'} |`,
      ),
    ),
  ];
  writeFileSync(mdFile, `${md.join('\n')}\n`);
}
