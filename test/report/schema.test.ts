import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { renderJson } from '../../src/report/json.js';
import { applyExpectations } from '../../src/expectations/applyExpectations.js';
import { minimalResult, sampleResult } from './sampleResult.js';

/**
 * The sample as shard 2/3 of an interrupted run with a fault and an adapter that left activations,
 * forms and a dtype out of its declaration, with an expectation file applied to its first failure,
 * and the options that --backend, --variant, --dtype, --opt and the time budgets record: every
 * optional member of the run is set.
 */
function withExpectations() {
  const r = sampleResult();
  const first = r.results.find((x) => x.verdict === 'fail')!;
  const applied = applyExpectations(r, [{ property: [first.property], reason: 'known' }], 'known.json');
  return {
    ...applied,
    options: {
      ...applied.options,
      backend: 'js',
      variant: 'v',
      dtype: 'float64' as const,
      opts: { threads: '2' },
      timeBudgetMs: 600_000,
      unitTimeBudgetMs: 60_000,
      shard: { index: 2, count: 3, units: 12, plan: '0f'.repeat(32) },
    },
    faults: [{ during: 'adapter.dispose()', message: 'adapter.dispose() threw Error: boom' }],
    interrupted: true as const,
    notDeclared: { dtypes: ['float32' as const], targets: [{ variant: 'v', dtype: 'float64' as const, activations: ['gelu'], forms: ['elman' as const] }] },
  };
}

/** The member names of every object in `objects`, sorted. */
function membersOf(objects: readonly object[]): string[] {
  return [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
}

/**
 * Optional members that the sample run has no occasion to write: a pass stopped at its time budget
 * (the sample has no budget); wrong forms tied on the shrunk case, the follow-up case that tells them
 * apart, and a second defect beside a form (each of the sample's diagnosed failures matches one form
 * exactly).
 */
const NOT_IN_SAMPLE: Readonly<Record<string, readonly string[]>> = {
  propertyResult: ['stoppedAtBudget'],
  diagnosis: ['alsoMatches', 'followUp', 'also'],
};

const schema = JSON.parse(readFileSync(new URL('../../specs/report.schema.json', import.meta.url), 'utf8'));
// ajv is CommonJS; under NodeNext its class is the `default` of the module object.
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
const validate = ajv.compile(schema);

/** Validates a parsed report; returns ajv's errors as text (empty when valid). */
function errors(report: unknown): string {
  return validate(report) ? '' : ajv.errorsText(validate.errors);
}

describe('specs/report.schema.json', () => {
  it('accepts the rendered sample and minimal reports', () => {
    expect(errors(JSON.parse(renderJson(sampleResult())))).toBe('');
    expect(errors(JSON.parse(renderJson(minimalResult())))).toBe('');
  });

  it('rejects unknown enums, missing members, extra members and non-finite spellings', () => {
    const base = JSON.parse(renderJson(sampleResult()));
    const f = base.results.findIndex((x: { verdict: string }) => x.verdict === 'fail');
    // biome-ignore lint/suspicious/noExplicitAny: each variant writes a wrong type into a member of the parsed report
    const variants: ((r: any) => void)[] = [
      (r) => (r.results[0].verdict = 'passed'),
      (r) => (r.results[0].target.dtype = 'float16'),
      (r) => (r.results[f].counterexample.failure.kind = 'crash'),
      (r) => delete r.summary.cases,
      (r) => (r.extra = 1),
      (r) => (r.results[0].maxRatio = 'nan'),
      (r) => (r.reportVersion = 1),
      (r) => (r.startedAt = 'yesterday'),
      (r) => (r.notDeclared = { dtypes: ['float16'], targets: [] }),
    ];
    for (const change of variants) {
      const r = structuredClone(base);
      change(r);
      expect(errors(r), change.toString()).not.toBe('');
    }
  });

  it('accepts a shard report with expectations applied', () => {
    expect(errors(JSON.parse(renderJson(withExpectations())))).toBe('');
  });

  it('describes exactly the members that the sample run, its shard, fault, interruption and expectation write', () => {
    const report = JSON.parse(renderJson(withExpectations()));
    const defs = schema.$defs;
    const keys = (_name: string, s: { properties: object }) => Object.keys(s.properties).sort();
    const expected = (name: string, objects: readonly object[]) => [...new Set([...membersOf(objects), ...(NOT_IN_SAMPLE[name] ?? [])])].sort();
    const counterexamples = report.results.flatMap((x: { counterexample?: object }) => (x.counterexample !== undefined ? [x.counterexample] : []));
    const failures = counterexamples.map((c: { failure: object }) => c.failure);
    const pick = (member: string) => failures.flatMap((f: Record<string, object | undefined>) => (f[member] !== undefined ? [f[member]] : []));
    expect(keys('run', schema)).toEqual(Object.keys(report).sort());
    for (const k of ['tool', 'adapter', 'options', 'summary']) expect(keys(k, schema.properties[k]), k).toEqual(Object.keys(report[k]).sort());
    expect(keys('adapterInfo', defs.adapterInfo)).toEqual(Object.keys(report.adapter.info).sort());
    expect(keys('propertyResult', defs.propertyResult)).toEqual(expected('propertyResult', report.results));
    expect(keys('counterexample', defs.counterexample)).toEqual(expected('counterexample', counterexamples));
    expect(keys('caseFailure', defs.caseFailure)).toEqual(expected('caseFailure', failures));
    expect(keys('worstEntry', defs.worstEntry)).toEqual(expected('worstEntry', pick('worst')));
    expect(keys('diagnosis', defs.diagnosis)).toEqual(expected('diagnosis', pick('diagnosis')));
  });
});
