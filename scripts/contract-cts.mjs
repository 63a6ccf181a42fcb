// Writes dist/src/contract.d.cts, the declarations `rnn-jac-spec/contract` resolves to under the
// `require` condition (package.json exports): a CommonJS TypeScript project under moduleResolution
// node16 cannot `import type` the ESM contract.d.ts without a resolution-mode attribute (TS1541).
// src/contract.ts imports nothing, so its declarations read the same as CommonJS ones: a copy.
// Run by `npm run build`, after tsc.
import { readFileSync, writeFileSync } from 'node:fs';

const from = new URL('../dist/src/contract.d.ts', import.meta.url);
const text = readFileSync(from, 'utf8');
if (/^\s*(import\b|export\s[^;]*\bfrom\s)/m.test(text))
  throw new Error('src/contract.ts imports or re-exports a module now: a copy of its declarations is no CommonJS declaration file');
writeFileSync(new URL('../dist/src/contract.d.cts', import.meta.url), text);
