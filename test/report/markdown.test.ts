import { describe, it, expect } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mdBlock, mdCode, mdText } from '../../src/report/markdownText.js';
import { minimalResult, sampleResult } from './sampleResult.js';

describe('renderMarkdown', () => {
  const sample = sampleResult();
  const md = renderMarkdown(sample);
  const section = (title: string) => md.split(/^## /m).find((s) => s.startsWith(title)) ?? '';

  it('has a heading, the overall verdict, adapter info and options', () => {
    expect(md.startsWith('# rnn-jac-spec report: sample\n')).toBe(true);
    const { pass, fail, notApplicable, cases } = sample.summary;
    expect(md).toMatch(new RegExp(`\\*\\*FAIL\\*\\* — ${fail} failed, ${pass} passed, ${notApplicable} not applicable; ${cases} cases in [\\d.]+ s`));
    const adapter = section('Adapter');
    for (const s of [
      '| Framework | rnn-jac-spec reference |',
      '| Version | analytic |',
      '| Backend | js |',
      '| Device | cpu |',
      '| Notes | note \\<\\&\\>"\' \\|\\*\\_\\` \\\\u0007 |',
    ]) {
      expect(adapter).toContain(s);
    }
    const options = section('Options');
    for (const s of ['- seed: `3`', '- runs: `20`', '- max-n: `64`', '- max-t: `16`']) expect(options).toContain(s);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('has one table row per result with verdict, cases, ratio and time', () => {
    const rows = section('Results')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(rows[0]).toBe('| Property | Rule | Target | Verdict | Cases | Max error/tolerance | Time |');
    expect(rows).toHaveLength(2 + sample.results.length);
    const row = (property: string, dtype: string) => rows[2 + sample.results.findIndex((x) => x.property === property && x.target.dtype === dtype)];
    expect(row('input-jacobian', 'float64')).toMatch(/^\| `input-jacobian` \| RJS-INPUT \| `sample\/js\/default\/float64` \| pass \| 20 \| 1 \| \d+ ms \|$/);
    // A failure's cell is its worst entry's ratio, or its kind where there is no worst entry.
    expect(row('step-jacobian', 'float32')).toMatch(
      /^\| `step-jacobian` \| RJS-STEP \| `sample\/js\/default\/float32` \| \*\*fail\*\* \| 105 \| \*\*[\d.]+e\+\d+\*\* \| \d+ ms \|$/,
    );
    expect(row('parameter-gradients', 'float64')).toMatch(/^\| `parameter-gradients` \| RJS-GRAD \| .* \| \*\*fail\*\* \| \d+ \| \*\*Infinity\*\* \| /);
    expect(row('sequence-jacobian', 'float64')).toMatch(/^\| `sequence-jacobian` \| RJS-SEQ \| .* \| \*\*fail\*\* \| \d+ \| threw \| /);
    expect(row('forward', 'float64')).toMatch(/^\| `forward` \| RJS-FWD \| .* \| \*\*fail\*\* \| \d+ \| non-finite \| /);
    expect(row('adjoint', 'float64')).toMatch(/^\| `adjoint` \| RJS-ADJ \| .* \| n\/a: the adapter does not implement vjp \| 0 \| — \| 0 ms \|$/);
    // every row has the same number of unescaped cell separators
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(9);
  });

  it('details each failure: replay, diagnosis, worst entry, matrices', () => {
    const failures = section('Failures');
    const failing = sample.results.filter((x) => x.verdict === 'fail');
    expect(failures.match(/^### \d+\. /gm)).toHaveLength(failing.length);
    const grad = failing.find((x) => x.property === 'parameter-gradients')!;
    const n = failing.indexOf(grad) + 1;
    expect(failures).toContain(`### ${n}. \`parameter-gradients\` (RJS-GRAD) — BPTT parameter gradients`);
    expect(failures).toContain('Target: `sample/js/default/float64`');
    expect(failures).toContain(`\`\`\`sh\n${grad.counterexample!.replay}\n\`\`\``);
    // The message as Markdown text (its _ and [ escaped): its first clause is enough to find it.
    expect(failures).toContain(`**Diagnosis: transposed-parameter-gradient** — ${grad.counterexample!.failure.diagnosis!.message.split(':')[0]}`);
    expect(failures).toMatch(/\| `∂L\/∂W` \| \(1, 0\) \| 0 \| 167\.75 \| 167\.75 \| 8\.9\d*e-308 \| Infinity \|/);
    expect(failures).toContain('```text\n0  167.75\n0       0\n```');
    expect(failures).toContain('```text\n     0  0\n167.75  0\n```');
    const big = failing.find((x) => (x.counterexample!.failure.expected?.rows ?? 0) > 8)!;
    const { rows, cols } = big.counterexample!.failure.expected!;
    expect(failures).toContain(`(${rows}×${cols}, first 8×8 shown)`);
    expect(failures).toContain(`… first 8×8 of ${rows}×${cols} shown`);
    expect(failures).toContain('(shrinking stopped at the --max-shrinks budget)');
    expect(failures).toMatch(/Where it threw:\n\n```text\nat Object\.sequenceJacobian \(file:\/\/test\/report\/fixtures\/sample-adapter\.mjs:\d+:\d+\)\n/);
  });

  it('lists observations and never writes raw control characters', () => {
    expect(section('Observations')).toContain("- `kink-subgradient` on `sample/js/default/float64`: relu'(0) = the right-hand derivative (float64)");
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
