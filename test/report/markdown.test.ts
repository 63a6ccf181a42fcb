import { describe, it, expect } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mdBlock, mdCode, mdText } from '../../src/report/markdownText.js';
import { minimalResult, sampleResult } from './sampleResult.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleResult());
  const section = (title: string) => md.split(/^## /m).find((s) => s.startsWith(title)) ?? '';

  it('has a heading, the overall verdict, adapter info and options', () => {
    expect(md.startsWith('# rnn-jac-spec report: tfjs\n')).toBe(true);
    expect(md).toContain('**FAIL** — 2 failed, 1 passed, 1 not applicable; 120 cases in 2.5 s');
    const adapter = section('Adapter');
    for (const s of ['| Framework | @tensorflow/tfjs |', '| Version | 4.22.0 |', '| Backend | cpu |', '| Device | CPU |']) {
      expect(adapter).toContain(s);
    }
    const options = section('Options');
    for (const s of ['- seed: `-12345`', '- runs: `100`', '- max-n: `6`', '- max-t: `5`']) expect(options).toContain(s);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('has one table row per result with verdict, cases, ratio and time', () => {
    const rows = section('Results').split('\n').filter((l) => l.startsWith('|'));
    expect(rows[0]).toBe('| Property | Rule | Target | Verdict | Cases | Max error/tolerance | Time |');
    expect(rows).toHaveLength(2 + 4);
    expect(rows[2]).toBe('| `input-jacobian` | RJS-IN-1 | `tfjs/cpu/default/float32` | pass | 100 | 0.031 | 456 ms |');
    expect(rows[3]).toBe('| `step-jacobian` | RJS-STEP-1 | `tfjs/cpu/default/float32` | **fail** | 17 | **1.26e+6** | 1.23 s |');
    expect(rows[4]).toMatch(/^\| `adjoint` \| RJS-ADJ-1 \| .* \| n\/a: adapter has no vjp \\<\\&\\>"' \\\|/);
    // every row has the same number of unescaped cell separators
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(9);
  });

  it('details each failure: replay, diagnosis, worst entry, matrices', () => {
    const failures = section('Failures');
    expect(failures).toContain('### 1. `step-jacobian` (RJS-STEP-1)');
    expect(failures).toContain('Target: `tfjs/cpu/default/float32`');
    expect(failures).toContain('```sh\nnpx rnn-jac-spec --adapter ./a.js --property step-jacobian --seed -12345 --path "3:1:0"\n```');
    expect(failures).toContain('**Diagnosis: transposed-jacobian** — The framework returns the transpose.');
    expect(failures).toContain('| `∂x_t/∂x_{t-1}` | (0, 1) | -0.419974 | 0.839948 | 1.25992 | 1e-6 | 1.26e+6 |');
    expect(failures).toContain('```text\n0.209987  -0.419974\n0.839948   0.104994\n```');
    expect(failures).toContain('```text\n 0.209987  0.839948\n-0.419974  Infinity\n```');
    expect(failures).toContain('### 2. `sequence-jacobian`');
    expect(failures).toContain('(10×10, first 8×8 shown)');
    expect(failures).toContain('… first 8×8 of 10×10 shown');
    expect(failures).toContain('"weird":"NaN"');
  });

  it('lists observations and never writes raw control characters', () => {
    expect(section('Observations')).toContain("- `step-jacobian` on `tfjs/cpu/default/float32`: relu'(0) = 0");
    expect(md).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(md).toContain('\\u0007');
  });

  it('leaves out empty sections', () => {
    const min = renderMarkdown(minimalResult());
    expect(min).toContain('**PASS**');
    expect(min).not.toContain('## Failures');
    expect(min).not.toContain('## Observations');
    expect(min).toContain('| Framework | — |');
  });
});

describe('markdown escaping', () => {
  it('escapes text, code spans and blocks', () => {
    expect(mdText('a|b*c_d\ne<f>')).toBe('a\\|b\\*c\\_d e\\<f\\>');
    expect(mdCode('x`y')).toBe('``x`y``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
    expect(mdBlock('a\n```\nb', 'sh')).toBe('````sh\na\n```\nb\n````');
  });
});
