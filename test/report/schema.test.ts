import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { renderJson } from '../../src/report/json.js';
import { applyExpectations } from '../../src/expectations/applyExpectations.js';
import { minimalResult, sampleResult } from './sampleResult.js';

/** The sample as shard 2/3, with an expectation and a histogram on its first failure, so that every optional member is set. */
function withExpectations() {
  const r = sampleResult();
  const applied = applyExpectations(r, [{ property: [r.results[1].property], reason: 'known' }], 'known.json');
  const results = applied.results.map((x, k) => (k === 1 ? { ...x, ratioHistogram: [3, 0, 1, 0, 0, 2, 0, 0, 1] } : x));
  return {
    ...applied, results, options: { ...applied.options, shard: { index: 2, count: 3, units: 12 } },
    faults: [{ during: 'adapter.dispose()', message: 'adapter.dispose() threw Error: boom' }], interrupted: true as const,
  };
}

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
    const variants: ((r: any) => void)[] = [
      (r) => (r.results[0].verdict = 'passed'),
      (r) => (r.results[0].target.dtype = 'float16'),
      (r) => (r.results[1].counterexample.failure.kind = 'crash'),
      (r) => delete r.summary.cases,
      (r) => (r.extra = 1),
      (r) => (r.results[0].maxRatio = 'nan'),
      (r) => (r.reportVersion = 1),
      (r) => (r.startedAt = 'yesterday'),
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

  it('describes exactly the members of a result with every optional member set', () => {
    const report = JSON.parse(renderJson(withExpectations()));
    const defs = schema.$defs;
    const keys = (s: { properties: object }) => Object.keys(s.properties).sort();
    const failing = report.results[1];
    expect(keys(schema)).toEqual(Object.keys(report).sort());
    for (const k of ['tool', 'adapter', 'options', 'summary']) expect(keys(schema.properties[k])).toEqual(Object.keys(report[k]).sort());
    expect(keys(defs.adapterInfo)).toEqual(Object.keys(report.adapter.info).sort());
    // A failing result has every optional member but two: a not-applicable one's reason, and the mark of a
    // pass stopped at its time budget.
    expect(keys(defs.propertyResult)).toEqual([...new Set([...Object.keys(failing), 'reason', 'stoppedAtBudget'])].sort());
    expect(keys(defs.counterexample)).toEqual(Object.keys(failing.counterexample).sort());
    expect(keys(defs.caseFailure)).toEqual(Object.keys(failing.counterexample.failure).sort());
    expect(keys(defs.worstEntry)).toEqual(Object.keys(failing.counterexample.failure.worst).sort());
    expect(keys(defs.diagnosis)).toEqual(Object.keys(failing.counterexample.failure.diagnosis).sort());
  });
});
