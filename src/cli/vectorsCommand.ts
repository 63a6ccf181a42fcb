/**
 * `rnn-jac-spec vectors --out DIR [--seed S]`: writes the golden vectors (src/vectors/goldenVectors.ts)
 * as DIR/index.json and one DIR/NAME.json per property, each file written atomically.
 * @packageDocumentation
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../report/atomicWrite.js';
import { goldenVectors } from '../vectors/goldenVectors.js';
import { DEFAULTS, integer, parseArgv } from './cliOptions.js';
import { UsageError } from './usageError.js';

/** Runs `vectors` on its arguments (after the word `vectors`) and resolves to the exit code. */
export async function vectorsCommand(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const v = parseArgv({ args: [...argv], options: { out: { type: 'string' }, seed: { type: 'string' } } }).values;
    if (v.out === undefined) throw new UsageError('vectors needs --out DIR, the directory to write the golden vectors to');
    const { index, files } = goldenVectors(integer('seed', v.seed, DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1));
    // One vector per line: diffable, and still plain JSON.
    const texts = [
      { path: join(v.out, 'index.json'), text: `${JSON.stringify(index, null, 2)}\n` },
      ...Object.entries(files).map(([name, f]) => ({
        path: join(v.out!, `${name}.json`),
        text: `{"property": ${JSON.stringify(f.property)}, "rule": ${JSON.stringify(f.rule)}, "outputs": ${JSON.stringify(f.outputs)}, "vectors": [\n${f.vectors.map((x) => JSON.stringify(x)).join(',\n')}\n]}\n`,
      })),
    ];
    await mkdir(v.out, { recursive: true });
    for (const t of texts) await atomicWriteFile(t.path, t.text);
    const count = Object.values(index.files).reduce((s, f) => s + f.vectors, 0);
    out.write(`${count} golden vectors in ${Object.keys(files).length} files (seed ${index.seed}, spec ${index.specVersion}): ${texts.map((t) => t.path).join(', ')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return void err.write(`rnn-jac-spec vectors: ${e.message}\n`), 2;
    throw e;
  }
}
