import { describe, expect, it } from 'vitest';
import { applyExpectations, expectationNote, failingResults } from '../../src/expectations/applyExpectations.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { summary } from '../../src/cli/summary.js';
import { renderGithubAnnotations } from '../../src/report/github.js';
import { sampleResult } from '../report/sampleResult.js';

describe('applyExpectations', () => {
  const run = sampleResult(); // input-jacobian passes, two properties fail, adjoint is not applicable
  const failed = run.results.filter((r) => r.verdict === 'fail').map((r) => r.property);

  it('marks listed failures as expected and leaves verdicts, other results and n/a as they are', () => {
    const r = applyExpectations(run, [{ property: [failed[0]], reason: 'known (#1)' }, { property: ['adjoint'], reason: 'n/a anyway' }], 'known.json');
    expect(r.results.map((x) => x.verdict)).toEqual(run.results.map((x) => x.verdict));
    expect(r.results.find((x) => x.property === failed[0])!.expectation).toEqual({ outcome: 'expected-failure', reason: 'known (#1)' });
    expect(r.results.find((x) => x.property === 'adjoint')!.expectation).toBeUndefined();
    expect(r.summary).toMatchObject({ ...run.summary, expectedFailures: 1, unexpectedPasses: 0 });
    expect(r.options.expectations).toBe('known.json');
    expect(failingResults(r).map((x) => x.property)).toEqual([failed[1]]);
    expect(failingResults(run).map((x) => x.property)).toEqual(failed);
  });

  it('lets a run with only expected failures pass, and fails it when a listed failure passes', () => {
    const ok = applyExpectations(run, [{ property: failed, reason: 'both known' }], 'known.json');
    expect(failingResults(ok)).toEqual([]);
    const stale = applyExpectations(run, [{ property: [...failed, 'input-jacobian'], reason: 'all three' }], 'known.json');
    expect(failingResults(stale).map((x) => x.property)).toEqual(['input-jacobian']);
    expect(expectationNote(stale.results[0])).toBe('passed, but the expectation file lists it as a failure (all three): remove that entry');
    expect(stale.summary.unexpectedPasses).toBe(1);
  });

  it('matches every selector given, and a missing selector matches anything', () => {
    const t = run.results[1].target;
    const mark = (e: object) => applyExpectations(run, [{ reason: 'r', ...e }], 'k').summary.expectedFailures;
    expect(mark({})).toBe(2);
    expect(mark({ adapter: [t.adapter], dtype: [t.dtype] })).toBe(run.results.filter((x) => x.verdict === 'fail' && x.target.dtype === t.dtype).length);
    expect(mark({ dtype: ['float16'] })).toBe(0);
    expect(mark({ property: [failed[0]], backend: ['no-such-backend'] })).toBe(0);
  });

  it('shows in every report: XFAIL/XPASS in the text, skipped/failure in JUnit, the note in Markdown, no annotation for an expected failure', () => {
    const r = applyExpectations(run, [{ property: [failed[0], 'input-jacobian'], reason: 'known (#1)' }], 'known.json');
    const text = summary(r);
    expect(text).toMatch(/\bXFAIL\b/);
    expect(text).toMatch(/^XPASS input-jacobian .*remove that entry$/m);
    expect(text).toMatch(/ failed \(1 expected\), .*; 1 expected failure\(s\) passed$/m);
    expect(text).toContain('Run fails against known.json.');
    const junit = renderJunit(r);
    expect(junit).toContain('<skipped message="expected failure: known (#1)">');
    expect(junit).toContain('type="unexpected-pass"');
    expect(junit).toMatch(/<testsuites [^>]*failures="2"/);
    expect(renderMarkdown(r)).toContain('fail (expected failure: known (\\#1))');
    const annotations = renderGithubAnnotations(r).trim().split('\n');
    expect(annotations).toHaveLength(2);
    expect(annotations.some((a) => a.includes(`title=rnn-jac-spec ${failed[0]} `))).toBe(false);
  });
});
