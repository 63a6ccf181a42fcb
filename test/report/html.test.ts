import { describe, expect, it } from 'vitest';
import { applyExpectations } from '../../src/expectations/applyExpectations.js';
import { escapeXmlText } from '../../src/report/escapeXml.js';
import { divergingColor, heatmapSvg, scaleOf } from '../../src/report/heatmapSvg.js';
import { renderHtml } from '../../src/report/html.js';
import { minimalResult, NASTY, sampleResult } from './sampleResult.js';

describe('HTML report', () => {
  it('is one self-contained document: no script, nothing fetched, user text escaped', () => {
    const html = renderHtml(sampleResult());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).not.toContain(NASTY);
    expect(html).toContain('note &lt;&amp;&gt;');
  });

  it('draws expected, actual and difference heatmaps for each failure with matrices, and a histogram per property that ran', () => {
    const r = sampleResult();
    const html = renderHtml(r);
    const withMatrices = r.results.filter((x) => x.counterexample?.failure.expected && x.counterexample.failure.actual).length;
    expect(withMatrices).toBeGreaterThan(0);
    expect(html.match(/<svg class="heatmap" data-kind="expected"/g)).toHaveLength(withMatrices);
    expect(html.match(/<svg class="heatmap" data-kind="actual"/g)).toHaveLength(withMatrices);
    expect(html.match(/<svg class="heatmap" data-kind="difference"/g)).toHaveLength(withMatrices);
    for (const x of r.results.filter((y) => y.verdict === 'fail')) expect(html).toContain(escapeXmlText(x.counterexample!.replay));
    expect(renderHtml(minimalResult())).toMatch(/PASS — 0 failed, 1 passed/);
  });

  it('shows expectation outcomes', () => {
    const r = sampleResult();
    // parameter-gradients fails on both targets, input-jacobian passes on both.
    const html = renderHtml(applyExpectations(r, [{ property: ['parameter-gradients', 'input-jacobian'], reason: 'known' }], 'known.json'));
    expect(html).toContain('>XFAIL<');
    expect(html).toContain('>XPASS<');
    expect(html).toContain('expected failure: known');
  });

  it('colours by a diverging scale: white at 0, red above, blue below, grey for NaN; one cell per entry', () => {
    expect(divergingColor(0)).toBe('rgb(255,255,255)');
    expect(divergingColor(1)).toBe('rgb(178,24,43)');
    expect(divergingColor(-2)).toBe('rgb(33,102,172)');
    expect(divergingColor(NaN)).toBe('#7f7f7f');
    expect(scaleOf({ rows: 1, cols: 2, values: [0, 0] })).toBe(1);
    expect(scaleOf({ rows: 1, cols: 2, values: [-3, NaN] }, { rows: 1, cols: 1, values: [2] })).toBe(3);
    const svg = heatmapSvg({ rows: 2, cols: 3, values: [1, 0, -1, 0, 0, 0] }, 'expected', 1, (k) => k === 2);
    expect(svg.match(/<rect x="\d+" y="\d+"/g)).toHaveLength(6);
    expect(svg).toContain('<title>[0, 2] = -1</title>');
    expect(svg.match(/stroke="#000"/g)).toHaveLength(1);
  });
});
