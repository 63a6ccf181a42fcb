import { describe, expect, it } from 'vitest';
import { applyExpectations, expectationNote, failingResults } from '../../src/expectations/applyExpectations.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { summary } from '../../src/cli/summary.js';
import { renderGithubAnnotations } from '../../src/report/github.js';
import { renderHtml } from '../../src/report/html.js';
import type { Expectation } from '../../src/expectations/expectation.js';
import type { RunResult } from '../../src/result.js';
import { failsRun } from '../../src/runner/summarize.js';
import { targetLabel } from '../../src/report/targetLabel.js';
import { sampleTarget, sampleUnit } from '../report/sampleResult.js';

/** Failing units no expectation selects whose case threw or timed out: JUnit counts them as errors. */
function brokeUnlisted(r: RunResult): number {
  return r.results.filter((x) => x.verdict === 'fail' && x.expectation === undefined && ['threw', 'timeout'].includes(x.counterexample?.failure.kind ?? ''))
    .length;
}

describe('applyExpectations', () => {
  const run = sampleTarget('float64'); // three passes (input-jacobian among them), four failures, adjoint not applicable
  const failed = run.results.filter((r) => r.verdict === 'fail').map((r) => r.property);

  it('marks listed failures as expected and leaves verdicts, other results and n/a as they are', () => {
    const r = applyExpectations(
      run,
      [
        { property: [failed[0]], reason: 'known (#1)' },
        { property: ['adjoint'], reason: 'n/a anyway' },
      ],
      'known.json',
    );
    expect(r.results.map((x) => x.verdict)).toEqual(run.results.map((x) => x.verdict));
    expect(r.results.find((x) => x.property === failed[0])!.expectation).toEqual({ outcome: 'expected-failure', reason: 'known (#1)' });
    expect(r.results.find((x) => x.property === 'adjoint')!.expectation).toBeUndefined();
    expect(r.summary).toMatchObject({ ...run.summary, expectedFailures: 1, unexpectedPasses: 0 });
    expect(r.options.expectations).toBe('known.json');
    expect(failingResults(r).map((x) => x.property)).toEqual(failed.slice(1));
    expect(failingResults(run).map((x) => x.property)).toEqual(failed);
  });

  it('lets a run with only expected failures pass, and fails it when a listed failure passes', () => {
    const ok = applyExpectations(run, [{ property: failed, reason: 'both known' }], 'known.json');
    expect(failingResults(ok)).toEqual([]);
    const stale = applyExpectations(run, [{ property: [...failed, 'input-jacobian'], reason: 'all three' }], 'known.json');
    expect(failingResults(stale).map((x) => x.property)).toEqual(['input-jacobian']);
    expect(expectationNote(stale.results.find((x) => x.property === 'input-jacobian')!)).toBe(
      'passed, but the expectation file lists it as a failure (all three): remove that entry',
    );
    expect(stale.summary.unexpectedPasses).toBe(1);
  });

  it('matches every selector given, and a missing selector matches anything', () => {
    const t = run.results[1].target;
    const mark = (e: object) => applyExpectations(run, [{ reason: 'r', ...e }], 'k').summary.expectedFailures;
    expect(mark({})).toBe(failed.length);
    expect(mark({ adapter: [t.adapter], dtype: [t.dtype] })).toBe(run.results.filter((x) => x.verdict === 'fail' && x.target.dtype === t.dtype).length);
    expect(mark({ dtype: ['float16'] })).toBe(0);
    expect(mark({ property: [failed[0]], backend: ['no-such-backend'] })).toBe(0);
  });

  it('shows in every report: XFAIL/XPASS in the text, skipped/failure in JUnit, the note in Markdown, no annotation for an expected failure', () => {
    const r = applyExpectations(run, [{ property: [failed[0], 'input-jacobian'], reason: 'known (#1)' }], 'known.json');
    // What fails the run: the failures it does not list (all but one) and the unexpected pass.
    const failing = failed.length - 1 + 1;
    const text = summary(r);
    expect(text).toMatch(/\bXFAIL\b/);
    expect(text).toMatch(/^XPASS input-jacobian .*remove that entry$/m);
    expect(text).toMatch(/ failed \(1 expected\), .*; 1 expected failure\(s\) passed$/m);
    expect(text).toContain('Run fails against known.json.');
    const junit = renderJunit(r);
    expect(junit).toContain('<skipped message="expected failure: known (#1)">');
    expect(junit).toContain('type="unexpected-pass"');
    // A case that threw or timed out, in a unit no entry selects, is a JUnit error rather than a failure.
    const broke = brokeUnlisted(r);
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*failures="${failing - broke}" errors="${broke}"`));
    expect(renderMarkdown(r)).toContain('fail (expected failure: known (\\#1))');
    const annotations = renderGithubAnnotations(r).trim().split('\n');
    expect(annotations).toHaveLength(failing);
    expect(annotations.some((a) => a.includes(`title=rnn-jac-spec ${failed[0]} `))).toBe(false);
  });
});

describe('applyExpectations with kind and diagnosis pins', () => {
  const run = sampleTarget('float64');
  const failed = run.results.filter((r) => r.verdict === 'fail').map((r) => r.property);
  // parameter-gradients: mismatch, transposed-parameter-gradient; forward: non-finite, no diagnosis.
  const grad = sampleUnit(
    run,
    (r) => r.property === 'parameter-gradients' && r.counterexample?.failure.diagnosis?.id === 'transposed-parameter-gradient',
    'float64 ∂L/∂W mismatch',
  );
  const nonFinite = sampleUnit(
    run,
    (r) => r.property === 'forward' && r.counterexample?.failure.kind === 'non-finite' && r.counterexample.failure.diagnosis === undefined,
    'float64 non-finite forward failure',
  );
  /** The run with parameter-gradients' failure replaced by a throw (which has no diagnosis). */
  const throwing: RunResult = {
    ...run,
    results: run.results.map((r) =>
      r === grad
        ? {
            ...r,
            counterexample: {
              ...r.counterexample!,
              failure: { kind: 'threw', summary: 'parameterGradients threw TypeError: x', quantity: 'parameterGradients' },
            },
          }
        : r,
    ),
  };
  const outcomeOf = (r: RunResult, property = grad.property) => r.results.find((x) => x.property === property)!.expectation;

  it('a unit listed for kind mismatch that now throws is an unexpected-failure and fails the run', () => {
    const pinned: Expectation[] = [{ property: [grad.property], kind: ['mismatch'], diagnosis: ['inaccurate'], reason: 'tanh cancels (#7)' }];
    expect(outcomeOf(applyExpectations(run, [{ ...pinned[0], diagnosis: undefined }], 'k'))).toEqual({
      outcome: 'expected-failure',
      reason: 'tanh cancels (#7)',
    });
    const r = applyExpectations(throwing, pinned, 'known.json');
    expect(outcomeOf(r)).toEqual({
      outcome: 'unexpected-failure',
      reason: 'tanh cancels (#7)',
      expected: [{ kind: ['mismatch'], diagnosis: ['inaccurate'], reason: 'tanh cancels (#7)' }],
      actual: { kind: 'threw' },
    });
    const failing = r.results.find((x) => x.property === grad.property)!;
    expect(failsRun(failing)).toBe(true);
    expect(failing.verdict).toBe('fail');
    expect(failingResults(r).map((x) => x.property)).toEqual(failed);
    expect(r.summary).toMatchObject({ fail: failed.length, expectedFailures: 0, unexpectedPasses: 0, unexpectedFailures: 1 });
    expect(expectationNote(failing)).toBe(
      'a new failure: the expectation file expects kind mismatch, diagnosis inaccurate (tanh cancels (#7)); this failure is kind threw, diagnosis none',
    );
  });

  it('admits a failure whose diagnosis is in a pin list, and a failure without diagnosis only where no diagnosis is pinned', () => {
    const mark = (e: Omit<Expectation, 'reason'>, property = grad.property) =>
      outcomeOf(applyExpectations(run, [{ property: [property], reason: 'r', ...e }], 'k'), property)?.outcome;
    expect(mark({ diagnosis: ['transpose-W', 'transposed-parameter-gradient'] })).toBe('expected-failure');
    expect(mark({ diagnosis: ['transpose-W', 'inaccurate'] })).toBe('unexpected-failure');
    expect(mark({ kind: ['threw', 'mismatch'], diagnosis: ['transposed-parameter-gradient'] })).toBe('expected-failure');
    expect(mark({ kind: ['non-finite'] }, nonFinite.property)).toBe('expected-failure');
    expect(mark({ kind: ['non-finite'], diagnosis: ['unknown'] }, nonFinite.property)).toBe('unexpected-failure');
    expect(mark({ kind: ['mismatch'] }, nonFinite.property)).toBe('unexpected-failure');
  });

  it('uses the first entry that admits the failure, and lists every selecting entry when none does', () => {
    const narrow: Expectation = { property: [grad.property], kind: ['timeout'], reason: 'slow (#2)' };
    const wide: Expectation = { kind: ['mismatch'], reason: 'wrong values (#3)' };
    expect(outcomeOf(applyExpectations(run, [narrow, wide], 'k'))).toEqual({ outcome: 'expected-failure', reason: 'wrong values (#3)' });
    const r = applyExpectations(throwing, [narrow, wide], 'k');
    expect(outcomeOf(r)).toMatchObject({
      outcome: 'unexpected-failure',
      reason: 'slow (#2)',
      expected: [
        { kind: ['timeout'], reason: 'slow (#2)' },
        { kind: ['mismatch'], reason: 'wrong values (#3)' },
      ],
    });
    expect(expectationNote(r.results.find((x) => x.property === grad.property)!)).toBe(
      'a new failure: the expectation file expects kind timeout (slow (#2)), or kind mismatch (wrong values (#3)); this failure is kind threw, diagnosis none',
    );
  });

  it('a failure without a counterexample is admitted only by an entry without pins', () => {
    const bare: RunResult = { ...run, results: run.results.map((r) => (r === grad ? { ...r, counterexample: undefined } : r)) };
    expect(outcomeOf(applyExpectations(bare, [{ property: [grad.property], reason: 'r' }], 'k'))?.outcome).toBe('expected-failure');
    const r = applyExpectations(bare, [{ property: [grad.property], kind: ['mismatch'], reason: 'r' }], 'k');
    expect(outcomeOf(r)).toMatchObject({ outcome: 'unexpected-failure', actual: {} });
    expect(expectationNote(r.results.find((x) => x.property === grad.property)!)).toMatch(/; this failure is no counterexample recorded$/);
    expect(renderGithubAnnotations(r)).toContain('%0Afailed, no counterexample recorded');
  });

  it('a pass stays an unexpected-pass whatever the pins say', () => {
    expect(outcomeOf(applyExpectations(run, [{ property: ['input-jacobian'], kind: ['threw'], reason: 'r' }], 'k'), 'input-jacobian')?.outcome).toBe(
      'unexpected-pass',
    );
  });

  it('shows an unexpected failure as a failure in every report, saying what was expected and what happened', () => {
    const r = applyExpectations(
      throwing,
      [{ property: [grad.property, nonFinite.property], kind: ['mismatch', 'non-finite'], diagnosis: ['inaccurate'], reason: 'known (#1)' }],
      'known.json',
    );
    const note =
      'a new failure: the expectation file expects kind mismatch or non-finite, diagnosis inaccurate (known (#1)); this failure is kind threw, diagnosis none';
    const n = failed.length;
    const text = summary(r);
    expect(text).toContain(`FAIL ${grad.property} (${grad.rule}) on ${targetLabel(grad.target)} (${note})`);
    expect(text).not.toMatch(/\bX(FAIL|PASS)\b/);
    expect(text).toMatch(new RegExp(` ${n} failed \\(0 expected, 2 not the failure listed\\), `));
    expect(text).toContain('Run fails against known.json.');
    const junit = renderJunit(r);
    expect(junit).toContain(`<failure message="${note}" type="unexpected-failure">${note}\n`);
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*failures="${n - brokeUnlisted(r)}" errors="${brokeUnlisted(r)}" skipped="1"`));
    const md = renderMarkdown(r);
    expect(md).toMatch(new RegExp(`^\\*\\*FAIL\\*\\* — ${n} failed \\(0 expected by known\\.json, 2 not the failure it lists\\)`, 'm'));
    expect(md).toContain(
      '**fail** (a new failure: the expectation file expects kind mismatch or non-finite, diagnosis inaccurate (known (\\#1)); this failure is kind threw, diagnosis none)',
    );
    expect(md).toContain('**FAIL** — a new failure: the expectation file expects');
    expect(md).not.toContain('XFAIL');
    const annotations = renderGithubAnnotations(r).trim().split('\n');
    expect(annotations).toHaveLength(n);
    expect(annotations.filter((a) => a.startsWith(`::error title=rnn-jac-spec ${grad.property} `))).toEqual([
      expect.stringMatching(/::a new failure: the expectation file expects .*; this failure is kind threw, diagnosis none%0AparameterGradients threw/),
    ]);
    const html = renderHtml(r);
    expect(html).toContain(`<p class="fail">${note}</p>`);
    expect(html).not.toContain('class="xfail"');
    expect(html).toContain(`FAIL — ${n} failed (0 expected, 2 not the failure listed)`);
  });
});
