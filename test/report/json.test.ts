import { describe, it, expect } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { minimalResult, sampleResult } from './sampleResult.js';

describe('renderJson', () => {
  it('round-trips a finite result', () => {
    const r = minimalResult();
    const text = renderJson(r);
    expect(JSON.parse(text)).toEqual(r);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "reportVersion": 2,\n');
  });

  it('omits undefined members', () => {
    const parsed = JSON.parse(renderJson(minimalResult()));
    expect(Object.keys(parsed.results[0].target)).toEqual(['adapter', 'dtype']);
  });

  it('writes non-finite numbers as strings', () => {
    // A counterexample and a ratio edited to hold NaN and ±Infinity: the writer must not turn them into null.
    const r = sampleResult();
    const k = r.results.findIndex((x) => x.counterexample?.failure.actual !== undefined);
    const x = r.results[k];
    const ce = x.counterexample!;
    const actual = { ...ce.failure.actual!, values: [Infinity, NaN, -Infinity, ...ce.failure.actual!.values.slice(3)] };
    const edited = { ...x, maxRatio: NaN, counterexample: { ...ce, case: { ...ce.case, weird: NaN }, failure: { ...ce.failure, actual } } };
    const parsed = JSON.parse(renderJson({ ...r, results: r.results.map((y, j) => (j === k ? edited : y)) }));
    expect(parsed.results[k].counterexample.failure.actual.values.slice(0, 3)).toEqual(['Infinity', 'NaN', '-Infinity']);
    expect(parsed.results[k].counterexample.case.weird).toBe('NaN');
    expect(parsed.results[k].maxRatio).toBe('NaN');
    const neg = { ...minimalResult(), durationMs: -Infinity };
    expect(JSON.parse(renderJson(neg)).durationMs).toBe('-Infinity');
  });

  it('keeps everything else of the sample as is', () => {
    const r = sampleResult();
    const parsed = JSON.parse(renderJson(r));
    expect(parsed.results[0]).toEqual(r.results[0]);
    expect(parsed.adapter).toEqual(r.adapter);
    const k = r.results.findIndex((x) => x.counterexample?.failure.worst !== undefined);
    expect(parsed.results[k].counterexample.failure.worst).toEqual(r.results[k].counterexample?.failure.worst);
    expect(parsed.results[k].counterexample.case).toEqual(r.results[k].counterexample?.case);
  });

  it('writes typed arrays in a case as arrays', () => {
    const r = minimalResult();
    const failed = {
      ...r.results[0],
      verdict: 'fail' as const,
      counterexample: {
        case: { W: new Float64Array([1, 2]) },
        seed: 0,
        path: '0',
        replay: 'x',
        failedAfter: 1,
        shrinks: 0,
        shrinkCalls: 0,
        failure: { kind: 'threw' as const, summary: 's', quantity: 'q' },
      },
    };
    const parsed = JSON.parse(renderJson({ ...r, results: [failed] }));
    expect(parsed.results[0].counterexample.case.W).toEqual([1, 2]);
  });
});
