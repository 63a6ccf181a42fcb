import { readFile } from 'node:fs/promises';
import { DTYPES } from '../contract.js';
import { FAILURE_KINDS } from '../result.js';
import { PINS, SELECTORS, type Expectation } from './expectation.js';

/** A malformed or unreadable expectation file; its message says where and what to write instead. */
export class ExpectationsError extends Error {
  /** @param message - what is wrong, with the file name */
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationsError';
  }
}

const EXAMPLE =
  '{"expectations": [{"property": "step-jacobian", "variant": ["jacfwd", "jit-jacfwd"], "kind": "mismatch", "diagnosis": "transposed-jacobian", "reason": "jacfwd returns the transpose (issue 123)"}]}';

/** The keys whose names are checked against a closed list, with that list. */
const CLOSED: Partial<Record<(typeof SELECTORS)[number] | (typeof PINS)[number], readonly string[]>> = { dtype: DTYPES, kind: FAILURE_KINDS };

/**
 * Parses the text of an expectation file: `{"expectations": [ENTRY, …]}`, each entry an object with a
 * non-empty `reason`, optional selectors `property`, `adapter`, `backend`, `variant`, `dtype` and
 * optional pins `kind`, `diagnosis` (each a string or a non-empty array of strings). Unknown keys,
 * properties, dtypes and kinds are errors, so a typo cannot silently match everything or nothing.
 * A UTF-8 byte order mark at the start is ignored (editors on Windows write one).
 * @param text - the file's text
 * @param source - the file name, for messages
 * @param knownProperties - the property IDs a `property` selector may name
 * @returns the expectations, selectors normalised to arrays
 * @throws ExpectationsError naming the file, the entry and the problem
 */
export function parseExpectations(text: string, source: string, knownProperties: readonly string[]): Expectation[] {
  const fail = (what: string): never => {
    throw new ExpectationsError(`${source}: ${what}\n  An expectation file looks like: ${EXAMPLE}`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return fail(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const list = (doc as { expectations?: unknown } | null)?.expectations;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray(list)) return fail('needs an object with an "expectations" array');
  const extra = Object.keys(doc).filter((k) => k !== 'expectations' && k !== '$schema' && k !== 'description');
  if (extra.length > 0) fail(`unknown top-level key ${extra.map((k) => `"${k}"`).join(', ')}`);
  return list.map((entry: unknown, i: number): Expectation => {
    const at = `expectations[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(`${at} must be an object`);
    const e = entry as Record<string, unknown>;
    const keys: readonly string[] = [...SELECTORS, ...PINS];
    const unknown = Object.keys(e).filter((k) => k !== 'reason' && !keys.includes(k));
    if (unknown.length > 0)
      fail(`${at} has unknown key ${unknown.map((k) => `"${k}"`).join(', ')}; the selectors are ${SELECTORS.join(', ')}, the pins ${PINS.join(', ')}`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') fail(`${at} needs a "reason" (why the failure is expected)`);
    const out: Record<string, unknown> = { reason: e.reason };
    for (const key of [...SELECTORS, ...PINS]) {
      const v = e[key];
      if (v === undefined) continue;
      const names = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(names) || names.length === 0 || !names.every((x) => typeof x === 'string' && x.trim() !== ''))
        fail(`${at}.${key} must be a name or a non-empty array of names`);
      const allowed = key === 'property' ? knownProperties : CLOSED[key];
      const bad = allowed === undefined ? [] : (names as string[]).filter((x) => !allowed.includes(x));
      if (key === 'property' && bad.length > 0)
        fail(`${at}.property names no property of the spec: ${bad.join(', ')} (the spec has: ${knownProperties.join(', ')})`);
      if (bad.length > 0) fail(`${at}.${key} has unknown ${key} ${bad.map((x) => `"${x}"`).join(', ')} (allowed: ${allowed!.join(', ')})`);
      out[key] = names;
    }
    return out as unknown as Expectation;
  });
}

/**
 * Reads and parses an expectation file ({@link parseExpectations}).
 * @throws ExpectationsError when it cannot be read or is malformed
 */
export async function loadExpectations(path: string, knownProperties: readonly string[]): Promise<Expectation[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ExpectationsError(`cannot read the expectation file ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseExpectations(text, path, knownProperties);
}
