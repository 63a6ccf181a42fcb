/**
 * `rnn-jac-spec vectors --out DIR [--seed S]`: writes the golden vectors (src/vectors/goldenVectors.ts)
 * as DIR/index.json and one DIR/NAME.json per property, each file written atomically.
 * @packageDocumentation
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../report/atomicWrite.js';
import { errorText } from '../text/safeText.js';
import { goldenVectors } from '../vectors/goldenVectors.js';
import { DEFAULTS, integer, parseArgv } from './cliOptions.js';
import { UsageError } from './usageError.js';

/** The `vectors --help` text. */
export function vectorsUsage(): string {
  return `Usage: rnn-jac-spec vectors --out DIR [--seed S]

Writes the golden vectors: seeded cases with the values and tolerances the spec requires of each
output, as JSON (specs/vectors.schema.json), for checking a framework outside Node. DIR/index.json
(specs/vectors-index.schema.json) lists the files; DIR/NAME.json holds the vectors of one checked
quantity. Every vector is failed by every known wrong form of its quantity (specs/SPEC.md, §10).
examples/python/check_vectors.py checks a NumPy implementation against them.

  --out DIR    the directory to write to (created if missing; its vector files are replaced)
  --seed S     seed of the cases (default ${DEFAULTS.seed})
  --help, -h   this text
`;
}

/** An --out directory that cannot be used: the message says what to give instead. */
class OutDirError extends Error {
  override readonly name = 'OutDirError';
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? errorText(e);
}

const GIVE = 'give --out a directory this user can write to (it is created if missing)';

/** Creates `dir` with its parents, or says why it cannot be used. */
async function outDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory())
    throw new OutDirError(`--out ${dir} is a file, not a directory: give a directory (it is created if missing)`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new OutDirError(`cannot create the directory --out ${dir} (${code(e)}): ${GIVE}`);
  }
}

/** Runs `vectors` on its arguments (after the word `vectors`) and resolves to the exit code. */
export async function vectorsCommand(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const v = parseArgv({ args: [...argv], options: { out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
    if (v.help === true) return (void out.write(vectorsUsage()), 0);
    if (v.out === undefined) throw new UsageError('vectors needs --out DIR, the directory to write the golden vectors to');
    const seed = integer('seed', v.seed, DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1);
    // Before computing the vectors, so that a bad --out is refused at once.
    await outDir(v.out);
    const { index, files } = goldenVectors(seed);
    // One vector per line: diffable, and still plain JSON.
    const texts = [
      { path: join(v.out, 'index.json'), text: `${JSON.stringify(index, null, 2)}\n` },
      ...Object.entries(files).map(([name, f]) => ({
        path: join(v.out!, `${name}.json`),
        text: `{"property": ${JSON.stringify(f.property)}, "rule": ${JSON.stringify(f.rule)}, "outputs": ${JSON.stringify(f.outputs)}, "vectors": [\n${f.vectors.map((x) => JSON.stringify(x)).join(',\n')}\n]}\n`,
      })),
    ];
    for (const t of texts) {
      try {
        await atomicWriteFile(t.path, t.text);
      } catch (e) {
        throw new OutDirError(`cannot write ${t.path} (${code(e)}): ${GIVE}`);
      }
    }
    const count = Object.values(index.files).reduce((s, f) => s + f.vectors, 0);
    out.write(
      `${count} golden vectors in ${Object.keys(files).length} files (seed ${index.seed}, spec ${index.specVersion}): ${texts.map((t) => t.path).join(', ')}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return (void err.write(`rnn-jac-spec vectors: ${e.message}\nRun 'rnn-jac-spec vectors --help' for the usage.\n`), 2);
    if (e instanceof OutDirError) return (void err.write(`rnn-jac-spec vectors: ${e.message}\n`), 2);
    // Exit 1 would read as a failed property: a fault of the tool itself is no verdict.
    err.write(`rnn-jac-spec vectors: internal error: ${e instanceof Error ? (e.stack ?? e.message) : errorText(e)}\n`);
    return 2;
  }
}
