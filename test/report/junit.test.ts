import { describe, it, expect } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { targetLabel } from '../../src/report/targetLabel.js';
import { minimalResult, NASTY, sampleResult } from './sampleResult.js';
import { parseXml, type XmlElement } from './parseXml.js';

/** All descendants named `name`. */
function all(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

describe('renderJunit', () => {
  const sample = sampleResult();
  const xml = renderJunit(sample);
  const root = parseXml(xml);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const targets = [...new Set(sample.results.map((x) => targetLabel(x.target)))];

  it('is a well-formed XML 1.0 document with an XML declaration and a trailing newline', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(() => parseXml(renderJunit(minimalResult()))).not.toThrow();
  });

  it('has one testsuite per target with correct counts and times', () => {
    const suites = all(root, 'testsuite');
    expect(targets).toEqual(['sample/js/default/float64', 'sample/js/default/float32']);
    expect(suites.map((s) => s.attributes.name)).toEqual(targets.map((t) => `rnn-jac-spec ${t}`));
    suites.forEach((suite, k) => {
      const of = sample.results.filter((x) => targetLabel(x.target) === targets[k]);
      // A case that threw or timed out is a JUnit error (no values to judge); a wrong value a failure.
      const broke = (x: (typeof of)[number]): boolean => x.verdict === 'fail' && ['threw', 'timeout'].includes(x.counterexample!.failure.kind);
      expect(suite.attributes).toMatchObject({
        tests: String(of.length),
        failures: String(of.filter((x) => x.verdict === 'fail' && !broke(x)).length),
        errors: String(of.filter(broke).length),
        skipped: String(of.filter((x) => x.verdict === 'not-applicable').length),
        time: seconds(of.reduce((t, x) => t + x.durationMs, 0)),
      });
      expect(all(suite, 'testcase').length).toBe(of.length);
    });
    const threw = sample.results.filter((x) => x.verdict === 'fail' && x.counterexample!.failure.kind === 'threw').length;
    expect(threw).toBeGreaterThan(0);
    expect(root.attributes).toMatchObject({
      tests: String(sample.results.length),
      failures: String(sample.summary.fail - threw),
      errors: String(threw),
      skipped: String(sample.summary.notApplicable),
      time: seconds(sample.durationMs),
    });
  });

  it('names test cases by class name, property and rule', () => {
    const cases = all(root, 'testcase');
    expect(cases.map((c) => [c.attributes.classname, c.attributes.name, c.attributes.time])).toEqual(
      sample.results.map((x) => [`rnn-jac-spec.sample.js.default.${x.target.dtype}`, `${x.property} (${x.rule})`, seconds(x.durationMs)]),
    );
    expect(cases[0].attributes.name).toBe('step-jacobian (RJS-STEP)');
    expect(cases[0].children).toEqual([]);
  });

  it('puts everything a maintainer needs into <failure>', () => {
    const k = sample.results.findIndex((x) => x.property === 'parameter-gradients');
    const x = sample.results[k];
    const failure = all(all(root, 'testcase')[k], 'failure')[0];
    expect(failure.attributes.type).toBe('mismatch');
    expect(failure.attributes.message).toBe(x.counterexample!.failure.summary);
    const body = failure.text;
    expect(body).toContain(`Replay: ${x.counterexample!.replay}`);
    expect(body).toContain('Shrunk case: {"n":2,"m":1,"T":1,"form":"pascanu",');
    expect(body).toMatch(/Expected \(2×2\):\n {2}0 +167\.75\n/);
    expect(body).toMatch(/Actual \(2×2\):\n {2} *0 +0\n {2}167\.75 +0\n/);
    expect(body).toMatch(/Worst entry: ∂L\/∂W\[1,0\]: expected 0, actual 167\.75, error 167\.75 vs tolerance 8\.9\d*e-308/);
    expect(body).toContain(`Diagnosis: transposed-parameter-gradient: ${x.counterexample!.failure.diagnosis!.message}`);
    expect(body.indexOf('Replay:')).toBeLessThan(body.indexOf('Diagnosis:'));
  });

  it('reports a throw as an <error> with where the adapter threw', () => {
    const k = sample.results.findIndex((x) => x.counterexample?.failure.kind === 'threw');
    expect(all(all(root, 'testcase')[k], 'failure')).toEqual([]);
    const failure = all(all(root, 'testcase')[k], 'error')[0];
    expect(failure.attributes.type).toBe('threw');
    expect(failure.attributes.message).toBe(`adapter.sequenceJacobian threw TypeError: cannot index a 0-d tensor ${NASTY.replace('\u0007', '\\u0007')}`);
    expect(failure.text).toMatch(/\nStack:\n {2}at .*sample-adapter\.mjs:\d+:\d+\)\n/);
  });

  it('marks not-applicable results as skipped with their reason', () => {
    const skipped = all(root, 'skipped');
    expect(skipped.map((e) => e.attributes.message)).toEqual(sample.results.filter((x) => x.verdict === 'not-applicable').map((x) => x.reason));
    expect(skipped[0].attributes.message).toBe('the adapter does not implement vjp');
  });

  it('escapes markup, quotes, control characters and attribute whitespace', () => {
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;&amp;&gt;&quot;&apos;');
    const odd = { ...sample.results[0], property: 'a\nb\tc\u0000d\uD800' };
    const out = parseXml(renderJunit({ ...sample, results: [odd] }));
    expect(all(out, 'testcase')[0].attributes.name).toBe('a\nb\tc\\u0000d\uFFFD (RJS-STEP)');
  });

  it('writes observations to system-out', () => {
    expect(all(root, 'system-out').map((e) => e.text)).toEqual(sample.results.flatMap((x) => (x.observations?.length ? [x.observations.join('\n')] : [])));
    expect(all(root, 'system-out')[0].text).toContain("relu'(0) = the right-hand derivative (float64)");
  });
});
