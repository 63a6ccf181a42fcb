import { describe, it, expect } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { minimalResult, NASTY, sampleResult } from './sampleResult.js';
import { parseXml, type XmlElement } from './parseXml.js';

/** All descendants named `name`. */
function all(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

describe('renderJunit', () => {
  const xml = renderJunit(sampleResult());
  const root = parseXml(xml);

  it('is a well-formed XML 1.0 document with an XML declaration and a trailing newline', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(() => parseXml(renderJunit(minimalResult()))).not.toThrow();
  });

  it('has one testsuite per target with correct counts and times', () => {
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'rnn-jac-spec tfjs/cpu/default/float32',
      'rnn-jac-spec tfjs/default/jacrev/float64',
    ]);
    expect(suites[0].attributes).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '1', time: '1.690' });
    expect(suites[1].attributes).toMatchObject({ tests: '1', failures: '1', errors: '0', skipped: '0', time: '0.020' });
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2', errors: '0', skipped: '1', time: '2.500' });
    for (const s of suites) expect(all(s, 'testcase').length).toBe(Number(s.attributes.tests));
  });

  it('names test cases by class name, property and rule', () => {
    const cases = all(root, 'testcase');
    expect(cases.map((c) => [c.attributes.classname, c.attributes.name, c.attributes.time])).toEqual([
      ['rnn-jac-spec.tfjs.cpu.default.float32', 'input-jacobian (RJS-IN-1)', '0.456'],
      ['rnn-jac-spec.tfjs.cpu.default.float32', 'step-jacobian (RJS-STEP-1)', '1.234'],
      ['rnn-jac-spec.tfjs.cpu.default.float32', 'adjoint (RJS-ADJ-1)', '0.000'],
      ['rnn-jac-spec.tfjs.default.jacrev.float64', 'sequence-jacobian (RJS-SEQ-1)', '0.020'],
    ]);
    expect(cases[0].children).toEqual([]);
  });

  it('puts everything a maintainer needs into <failure>', () => {
    const [failure] = all(root, 'failure');
    expect(failure.attributes.type).toBe('mismatch');
    expect(failure.attributes.message).toBe(`∂x_t/∂x_{t-1} differs <&>"' |*_\` \\u0007`);
    const body = failure.text;
    expect(body).toContain('Replay: npx rnn-jac-spec --adapter ./a.js --property step-jacobian --seed -12345 --path "3:1:0"');
    expect(body).toContain('Shrunk case: {"n":2,"W":[0.5,-1,2,0.25],"x":[1,-1],"activation":{"name":"tanh"},"weird":"NaN"}');
    expect(body).toMatch(/Expected \(2×2\):\n {2}0\.209987 +-0\.419974\n/);
    expect(body).toContain('Actual (2×2):');
    expect(body).toContain('Infinity');
    expect(body).toContain('Worst entry: ∂x_t/∂x_{t-1}[0,1]: expected -0.419974, actual 0.839948, error 1.25992 vs tolerance 1e-6');
    expect(body).toContain('Diagnosis: transposed-jacobian: The framework returns the transpose.');
    expect(body.indexOf('Replay:')).toBeLessThan(body.indexOf('Diagnosis:'));
  });

  it('marks not-applicable results as skipped with their reason', () => {
    const skipped = all(root, 'skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].attributes.message).toBe(`adapter has no vjp ${NASTY.replace('\u0007', '\\u0007')}`);
  });

  it('escapes markup, quotes, control characters and attribute whitespace', () => {
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;&amp;&gt;&quot;&apos;');
    const r = sampleResult();
    const odd = { ...r.results[0], property: 'a\nb\tc\u0000d\uD800' };
    const out = parseXml(renderJunit({ ...r, results: [odd] }));
    expect(all(out, 'testcase')[0].attributes.name).toBe('a\nb\tc\\u0000d\uFFFD (RJS-IN-1)');
  });

  it('writes observations to system-out', () => {
    expect(all(root, 'system-out').map((e) => e.text)).toEqual([`relu'(0) = 0 ${NASTY.replace('\u0007', '\\u0007')}`]);
  });
});
