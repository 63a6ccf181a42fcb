import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Adapter, AdapterFactory } from '../contract.js';
import { errorText, safeLine, safeLines } from '../text/safeText.js';
import { builtinAdapter, builtinAdapters } from './builtinAdapters.js';
import { validateAdapter } from './validateAdapter.js';

/** An adapter that cannot be loaded or created: the CLI prints the message and exits 2. */
export class AdapterLoadError extends Error {
  override readonly name = 'AdapterLoadError';
}

/** Whether `--adapter` names a file rather than a built-in adapter. */
export function isAdapterPath(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || /\.(m?js|cjs|ts|mts)$/.test(spec);
}

/**
 * Loads an adapter by built-in name or module path, calls its factory with `options`, and checks
 * the result against the contract. Every failure is an AdapterLoadError that says what to do.
 */
export async function loadAdapter(spec: string, options: Record<string, string>, cwd = process.cwd()): Promise<Adapter> {
  let mod: unknown;
  if (isAdapterPath(spec)) {
    const file = isAbsolute(spec) ? spec : resolve(cwd, spec);
    if (!existsSync(file))
      throw new AdapterLoadError(
        `adapter file not found: ${file}\n  --adapter takes a built-in name (${Object.keys(builtinAdapters).join(', ')}) or the path of a module whose default export is an adapter factory.`,
      );
    try {
      mod = await import(pathToFileURL(file).href);
    } catch (err) {
      const hint =
        (err as { code?: unknown } | null)?.code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.(c|m)?ts$/.test(file)
          ? `\n  This Node (${process.version}) does not run TypeScript: compile the adapter to JavaScript (tsc) and pass the .js file, or run the CLI under a loader such as tsx (npx tsx node_modules/.bin/rnn-jac-spec …); Node 22.6 and later can strip types (--experimental-strip-types).`
          : '';
      throw new AdapterLoadError(`cannot import adapter module ${file}: ${message(err)}${hint}`);
    }
  } else {
    const builtin = builtinAdapter(spec);
    if (builtin === undefined) {
      throw new AdapterLoadError(
        `unknown adapter '${safeLine(spec, 100)}'. Built-in adapters: ${Object.keys(builtinAdapters).join(', ')}. To test your own, pass the path of its module: --adapter ./my-adapter.mjs`,
      );
    }
    try {
      mod = await builtin.load();
    } catch (err) {
      const hint = builtin.requires.length > 0 ? `\n  It needs ${builtin.requires.join(', ')}: npm install --save-dev ${builtin.requires.join(' ')}` : '';
      throw new AdapterLoadError(`cannot load adapter '${spec}': ${message(err)}${hint}`);
    }
  }
  const factory = (mod as { default?: unknown }).default;
  if (typeof factory !== 'function') {
    throw new AdapterLoadError(
      `${spec} is not an adapter module: its default export must be a factory function (options) => Adapter, but it is ${describe(factory)}. See "Writing an adapter" in the README.`,
    );
  }
  let adapter: unknown;
  try {
    adapter = await (factory as AdapterFactory)(options);
  } catch (err) {
    throw new AdapterLoadError(`adapter '${spec}' could not start: ${message(err)}`);
  }
  const problems = validateAdapter(adapter);
  if (problems.length > 0) throw new AdapterLoadError(`adapter '${spec}' does not follow the contract:\n  - ${problems.join('\n  - ')}`);
  return adapter as Adapter;
}

function message(err: unknown): string {
  if (err === undefined) return 'it threw undefined; throw an Error whose message says what is missing';
  try {
    // Multi-line messages (what to install) keep their lines, each made safe to print.
    if (err instanceof Error && typeof err.message === 'string') return safeLines(err.message, 20, 500);
  } catch {
    // An Error whose message getter throws: described below.
  }
  return errorText(err);
}

function describe(v: unknown): string {
  return v === undefined ? 'missing' : v === null ? 'null' : typeof v;
}
