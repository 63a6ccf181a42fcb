#!/usr/bin/env node
// Prints, from reports/bench.json, a markdown table: the harness overhead at n = 64 and the step
// Jacobian by method, per target. docs/benchmarks.md ("Jacobian methods") points here, and to
// reports/bench.md, for the figures per target.
// `node scripts/bench-readme-rows.mjs`
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(new URL('../reports/bench.json', import.meta.url), 'utf8'));
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const cell = (v, property, T) => {
  const c = v.overhead.find((x) => x.n === 64 && x.property === property && x.T === T);
  return c === undefined ? '-' : `${ms(c.bare.meanMs)} → ${ms(c.suite.meanMs)} (×${c.ratio.toFixed(1)})${c.verdict === 'pass' ? '' : '¹'}`;
};
console.log('| target | step-jacobian | sequence-jacobian, T = 16 | parameter-gradients, T = 16 | fastest step Jacobian at n = 64 (ms) |');
console.log('|---|---|---|---|---|');
// jax-js webgpu was timed before the bare call warmed every shape: its bare times hold kernel compilation.
for (const t of r.targets.filter((x) => x.label !== 'jax-js webgpu'))
  for (const v of t.variants) {
    const methods = v.methods.filter((m) => m.n === 64).sort((a, b) => a.timing.meanMs - b.timing.meanMs);
    const m = methods.map((x) => `${x.method} ${ms(x.timing.meanMs)}`).join(' < ');
    console.log(
      `| ${t.label}${v.variant ? ` ${v.variant}` : ''} | ${cell(v, 'step-jacobian', 1)} | ${cell(v, 'sequence-jacobian', 16)} | ${cell(v, 'parameter-gradients', 16)} | ${m} |`,
    );
  }
