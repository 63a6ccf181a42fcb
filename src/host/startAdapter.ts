/**
 * Starting an adapter in the process that will run it: load the module, call the factory, check the
 * declaration against the contract, and read `info()`. Every way this fails is an AdapterLoadError
 * whose message says what to do (the CLI exits 2 with it).
 * @packageDocumentation
 */
import { AdapterLoadError, loadAdapter } from '../adapters/loadAdapter.js';
import { validateAdapter } from '../adapters/validateAdapter.js';
import type { Adapter, AdapterInfo } from '../contract.js';
import { errorText, MAX_ADAPTER_TEXT, safeLine } from '../text/safeText.js';
import { declarationOf, type AdapterDeclaration } from './adapterDeclaration.js';

/** An adapter ready to be called, with its declaration and what its info() said. */
export interface StartedAdapter {
  /** The adapter object. */ readonly adapter: Adapter;
  /** Its declaration, as plain data. */ readonly declaration: AdapterDeclaration;
  /** Its info(), made safe to print; undefined when it has none. */ readonly info: AdapterInfo | undefined;
}

/** The notes of info() are free text and may be longer than the other fields. */
const MAX_NOTES = 1000;

/**
 * Checks what info() returned and makes every field safe to print.
 * @throws AdapterLoadError when it is not an object with string `framework` and `version`
 */
export function checkInfo(raw: unknown): AdapterInfo {
  const shape = 'info() must return { framework, version, backend?, device?, notes? }, all strings';
  if (raw === null || typeof raw !== 'object')
    throw new AdapterLoadError(`adapter.info() returned ${safeLine(raw === null ? 'null' : `${typeof raw} ${String(raw)}`, 60)}, not an object: ${shape}`);
  const r = raw as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const k of ['framework', 'version', 'backend', 'device', 'notes'] as const) {
    const v = r[k];
    if (v === undefined && (k === 'framework' || k === 'version')) throw new AdapterLoadError(`adapter.info() returned an object without '${k}': ${shape}`);
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new AdapterLoadError(`adapter.info().${k} is ${typeof v}, not a string: ${shape}`);
    out[k] = safeLine(v, k === 'notes' ? MAX_NOTES : MAX_ADAPTER_TEXT);
  }
  return out as unknown as AdapterInfo;
}

/** Calls info() if the adapter has it, and checks what it returns. */
export async function readInfo(adapter: Adapter): Promise<AdapterInfo | undefined> {
  if (typeof adapter.info !== 'function') return undefined;
  let raw: unknown;
  try {
    raw = await adapter.info();
  } catch (e) {
    throw new AdapterLoadError(`adapter.info() threw ${errorText(e)}: it must return { framework, version, … } (see src/contract.ts)`);
  }
  return checkInfo(raw);
}

/** The declaration and info of an adapter object (the in-process host and the vitest integration). */
export async function describeAdapter(adapter: Adapter): Promise<StartedAdapter> {
  const problems = validateAdapter(adapter);
  if (problems.length > 0)
    throw new AdapterLoadError(
      `adapter '${safeLine(String((adapter as { name?: unknown })?.name), 60)}' does not follow the contract:\n  - ${problems.join('\n  - ')}`,
    );
  let declaration: AdapterDeclaration;
  try {
    declaration = declarationOf(adapter);
  } catch (e) {
    throw new AdapterLoadError(`the adapter's declaration cannot be read: ${errorText(e)}`);
  }
  return { adapter, declaration, info: await readInfo(adapter) };
}

/**
 * Loads and starts the adapter `spec` (a built-in name or a module path) with `options`.
 * @throws AdapterLoadError with what to do
 */
export async function startAdapter(spec: string, options: Record<string, string>, cwd = process.cwd()): Promise<StartedAdapter> {
  return describeAdapter(await loadAdapter(spec, options, cwd));
}
