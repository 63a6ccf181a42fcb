/**
 * Run results for the report tests. The sample is the JSON report of a real run of a wrong adapter
 * (fixtures/sample-adapter.mjs, by fixtures/generate-sample.mjs), which sampleReport.test.ts checks
 * against the schema, the spec and a fresh run; the minimal result is the least a run can hold.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dtype } from '../../src/contract.js';
import type { PropertyResult, RunResult } from '../../src/result.js';
import { summarize } from '../../src/runner/summarize.js';

/** The committed sample report. */
export const SAMPLE_REPORT = fileURLToPath(new URL('./fixtures/sample/rnn-jac-spec.json', import.meta.url));

/**
 * The markup and control character sample-adapter.mjs puts into its info notes and its error
 * message; the runner stores the control character as the text `\u0007`.
 */
export const NASTY = `<&>"' |*_\` \u0007`;

/** The strings the JSON report writes for non-finite numbers, and the numbers they stand for. */
const NON_FINITE = new Map<unknown, number>([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/** A JSON report read back as the run result it was written from (non-finite numbers restored). */
export function parseReport(text: string): RunResult {
  return JSON.parse(text, (_key, value: unknown) => NON_FINITE.get(value) ?? value) as RunResult;
}

let sampleText: string | undefined;

/**
 * The sample run: tool, adapter and options as the CLI recorded them; two targets (`sample/js/float64`,
 * `sample/js/float32`) of eight properties each, with passes, kink observations, the adjoint
 * property not applicable, and failures of every kind the adapter's bugs give: mismatches with a
 * diagnosis (a transposed ∂L/∂W shrunk to n = 2, a transposed 9×9 step Jacobian whose shrinking
 * stopped at `--max-shrinks`), throws with a stack, and non-finite forward states.
 */
export function sampleResult(): RunResult {
  sampleText ??= readFileSync(SAMPLE_REPORT, 'utf8');
  return parseReport(sampleText);
}

/**
 * The sample's units of one dtype, as the same run with `--dtype` records them: every unit's cases
 * depend on the seed alone. float64: passes of step-jacobian, kink-subgradient and input-jacobian;
 * failures of sequence-jacobian (threw), parameter-gradients (mismatch), forward (non-finite) and
 * gradient-bound (threw); adjoint not applicable.
 */
export function sampleTarget(dtype: Dtype): RunResult {
  const r = sampleResult();
  const results = r.results.filter((x) => x.target.dtype === dtype);
  return { ...r, options: { ...r.options, dtype }, results, summary: summarize(results) };
}

/** The first result of the sample that `pick` selects (a test error when there is none). */
export function sampleUnit(r: RunResult, pick: (x: PropertyResult) => boolean, what: string): PropertyResult {
  const found = r.results.find(pick);
  if (found === undefined) throw new Error(`the sample report has no ${what}: regenerate it (fixtures/generate-sample.mjs) or fix the adapter`);
  return found;
}

/** The least a run can hold: no info, no optional options, one passing result. */
export function minimalResult(): RunResult {
  return {
    reportVersion: 2,
    tool: { name: 'rnn-jac-spec', version: '0.1.0', specVersion: '2.0.0' },
    adapter: { spec: 'x', name: 'x' },
    options: { seed: 0, runs: 1, maxN: 1, maxT: 1, properties: ['forward'], timeoutMs: 1000, isolation: 'process' },
    startedAt: '2025-01-02T03:04:05Z',
    durationMs: 1,
    results: [
      {
        property: 'forward',
        rule: 'RJS-FWD',
        title: 'Forward states',
        verdict: 'pass',
        cases: 1,
        maxRatio: 0,
        durationMs: 1,
        target: { adapter: 'x', backend: undefined, variant: undefined, dtype: 'float64' },
      },
    ],
    summary: { pass: 1, fail: 0, notApplicable: 0, cases: 1 },
  };
}
