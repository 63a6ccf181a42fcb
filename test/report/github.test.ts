import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, MAX_ANNOTATIONS, MAX_CASE_CHARS, renderGithubAnnotations } from '../../src/report/github.js';
import { targetLabel } from '../../src/report/targetLabel.js';
import { minimalResult, sampleResult } from './sampleResult.js';

/** Undoes the runner's escaping of a workflow command message (the inverse of escapeData). */
const unescapeProperty = (s: string): string => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('GitHub Actions annotations', () => {
  it('escape %, CR and LF in messages, and also : and , in property values', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('100% a\nb: c, d')).toBe('100%25 a%0Ab%3A c%2C d');
    for (const s of ['%0A literal', 'x%y\n\r:,', '']) expect(unescapeProperty(escapeProperty(s))).toBe(s);
  });

  it('write control characters other than CR and LF as \\xHH, so that none reaches the log', () => {
    expect(escapeData('a\u001b[31mred\u0007')).toBe('a\\x1b[31mred\\x07');
  });

  it(`stop at ${MAX_ANNOTATIONS} annotations (GitHub shows no more per step): the last one counts the rest`, () => {
    const r = sampleResult();
    const failing = r.results.find((x) => x.verdict === 'fail')!;
    const many = { ...r, results: Array.from({ length: 25 }, (_, k) => ({ ...failing, property: `${failing.property}-${k}` as typeof failing.property })) };
    const lines = renderGithubAnnotations(many).trimEnd().split('\n');
    expect(lines).toHaveLength(MAX_ANNOTATIONS);
    expect(unescapeProperty(lines.at(-1)!)).toMatch(/^::error title=rnn-jac-spec: 16 more failing units::16 more properties fail the run: \S+-9 on /);
    expect(
      renderGithubAnnotations({ ...r, results: many.results.slice(0, MAX_ANNOTATIONS) })
        .trimEnd()
        .split('\n'),
    ).toHaveLength(MAX_ANNOTATIONS);
  });

  it('print nothing for a run without failures', () => {
    expect(renderGithubAnnotations(minimalResult())).toBe('');
  });

  it('print one ::error command line per failing property, with property, rule and target as title', () => {
    const r = sampleResult();
    const lines = renderGithubAnnotations(r).split('\n');
    expect(lines.pop()).toBe('');
    const failing = r.results.filter((x) => x.verdict === 'fail');
    expect(lines).toHaveLength(failing.length);
    lines.forEach((line, i) => {
      const m = /^::error title=([^:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const x = failing[i];
      expect(unescapeProperty(m![1])).toBe(`rnn-jac-spec ${x.property} (${x.rule}) on ${targetLabel(x.target)}`);
      const message = unescapeProperty(m![2]);
      expect(message.split('\n')[0]).toBe(x.counterexample!.failure.summary);
      expect(message).toContain(`Replay: ${x.counterexample!.replay}`);
      if (x.counterexample!.failure.diagnosis) expect(message).toContain(`Diagnosis: ${x.counterexample!.failure.diagnosis.id}`);
    });
  });

  it('give a small shrunk case in full and leave a large one to the JSON report', () => {
    const r = sampleResult();
    const failing = r.results.filter((x) => x.verdict === 'fail');
    const annotations = renderGithubAnnotations(r).trim().split('\n').map(unescapeProperty);
    const of = (property: string, dtype: string) => annotations[failing.findIndex((x) => x.property === property && x.target.dtype === dtype)];
    expect(of('parameter-gradients', 'float64')).toContain('Shrunk case: {"n":2,');
    // The forward counterexample (n = 10, T = 7) is longer than MAX_CASE_CHARS.
    const large = failing.find((x) => x.property === 'forward' && x.target.dtype === 'float64')!;
    expect(JSON.stringify(large.counterexample!.case).length).toBeGreaterThan(MAX_CASE_CHARS);
    expect(of('forward', 'float64')).toMatch(/Shrunk case: \d+ characters, in the JSON report/);
    expect(of('forward', 'float64')).toContain('Replay: ');
  });
});
