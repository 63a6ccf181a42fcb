import { ACTIVATION_NAMES, CAPABILITIES, DTYPES, FORMS, type Adapter, type Dtype } from '../contract.js';
import { errorText, hasControlCharacters, safeLine } from '../text/safeText.js';

const OPTIONAL_METHODS: readonly (keyof Adapter)[] = [...CAPABILITIES, 'info', 'dispose'];
/** Longest adapter or variant name: names go into every report line. */
export const MAX_NAME = 100;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Names listed twice. */
function duplicates(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** " did you mean 'tanh'?" for a near miss of a known name, else ''. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = known.find((k) => k.toLowerCase() === name.toLowerCase()) ?? known.find((k) => distance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return close === undefined ? '' : `; did you mean '${close}'?`;
}

/** Problems of a list that must hold known names, each once. */
function listProblems(what: string, names: readonly string[], known: readonly string[]): string[] {
  const problems = names
    .filter((n) => !known.includes(n))
    .map((n) => `${what}: '${safeLine(n, 60)}' is not in the catalogue${didYouMean(n, known)} (the catalogue has: ${known.join(', ')})`);
  const twice = duplicates(names);
  if (twice.length > 0) problems.push(`${what} lists ${twice.map((n) => `'${safeLine(n, 60)}'`).join(', ')} more than once`);
  return problems;
}

/** A name that goes into reports: non-empty, at most MAX_NAME characters, printable. */
function nameProblem(what: string, v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '') return `${what} must be a non-empty string`;
  if (v.length > MAX_NAME) return `${what} is ${v.length} characters long; at most ${MAX_NAME}`;
  if (hasControlCharacters(v))
    return `${what} ${JSON.stringify(safeLine(v, 60))} has control characters (newlines, escapes); names are printed in every report`;
  return undefined;
}

/** Lists every way `value` breaks the adapter contract (empty when it follows it). */
export function validateAdapter(value: unknown): string[] {
  try {
    return problemsOf(value);
  } catch (e) {
    return [`reading the adapter's members threw ${errorText(e)}`];
  }
}

function problemsOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [`the factory returned ${value === null ? 'null' : typeof value}, not an adapter object`];
  const a = value as Record<string, unknown>;
  const problems: string[] = [];
  const name = nameProblem('name', a.name);
  if (name !== undefined) problems.push(name);
  if (!isStringArray(a.dtypes) || a.dtypes.length === 0) problems.push(`dtypes must be a non-empty array of ${DTYPES.join(' / ')}`);
  else
    problems.push(
      ...listProblems('dtypes', a.dtypes, DTYPES).map((p) => p.replace('is not in the catalogue', 'is not a dtype').replace('the catalogue has', 'dtypes are')),
    );
  if (!isStringArray(a.activations)) problems.push('activations must be an array of catalogue names (e.g. ["tanh", "relu"])');
  else problems.push(...listProblems('activations', a.activations, ACTIVATION_NAMES));
  if (typeof a.stepJacobian !== 'function') problems.push('stepJacobian(c) must be a function');
  if (a.forms !== undefined) {
    if (!isStringArray(a.forms)) problems.push(`forms, when given, must list some of ${FORMS.join(', ')}`);
    else
      problems.push(
        ...listProblems('forms', a.forms, FORMS).map((p) => p.replace('is not in the catalogue', 'is not a form').replace('the catalogue has', 'forms are')),
      );
  }
  if (a.variants !== undefined) {
    if (!isStringArray(a.variants)) problems.push('variants, when given, must be an array of strings');
    else {
      for (const v of a.variants) {
        const p = nameProblem(`variant '${safeLine(v, 40)}'`, v);
        if (p !== undefined) problems.push(p);
      }
      const twice = duplicates(a.variants);
      if (twice.length > 0) problems.push(`variants lists ${twice.map((v) => `'${safeLine(v, 40)}'`).join(', ')} more than once`);
    }
  }
  problems.push(...scopeProblems(a), ...dtypeActivationProblems(a));
  for (const m of OPTIONAL_METHODS) {
    if (a[m] !== undefined && typeof a[m] !== 'function') problems.push(`${m}, when given, must be a function`);
  }
  return problems;
}

/**
 * variantScopes must name declared variants, narrow (never widen) forms and activations, offer only
 * implemented methods, and declare a power-of-two finite-difference step.
 */
function scopeProblems(a: Record<string, unknown>): string[] {
  const scopes = a.variantScopes;
  if (scopes === undefined) return [];
  if (scopes === null || typeof scopes !== 'object') return ['variantScopes, when given, must be an object keyed by variant name'];
  const variants = isStringArray(a.variants) ? a.variants : [];
  const forms = isStringArray(a.forms) && a.forms.length > 0 ? a.forms : ['pascanu'];
  const activations = isStringArray(a.activations) ? a.activations : [];
  const problems: string[] = [];
  for (const [name, scope] of Object.entries(scopes as Record<string, unknown>)) {
    if (!variants.includes(name)) problems.push(`variantScopes names '${name}', which is not one of variants (${variants.join(', ') || 'none'})`);
    const s = (scope ?? {}) as Record<string, unknown>;
    // An empty list would leave the variant with nothing to test: a variant that covers nothing is left out of variants.
    if (s.forms !== undefined && (!isStringArray(s.forms) || s.forms.length === 0 || s.forms.some((f) => !forms.includes(f))))
      problems.push(`variantScopes.${name}.forms must be a non-empty subset of forms (${forms.join(', ')})`);
    if (s.activations !== undefined && (!isStringArray(s.activations) || s.activations.length === 0 || s.activations.some((n) => !activations.includes(n))))
      problems.push(`variantScopes.${name}.activations must be a non-empty subset of activations`);
    if (
      s.dtypes !== undefined &&
      (!isStringArray(s.dtypes) || s.dtypes.length === 0 || s.dtypes.some((d) => !isStringArray(a.dtypes) || !a.dtypes.includes(d)))
    )
      problems.push(`variantScopes.${name}.dtypes must be a non-empty subset of dtypes`);
    problems.push(
      ...capabilityProblems(a, name, s.capabilities),
      ...stepProblems(name, s.finiteDifference, isStringArray(s.dtypes) ? s.dtypes : isStringArray(a.dtypes) ? a.dtypes : []),
    );
  }
  return problems;
}

/** capabilities must name optional methods the adapter implements (info and dispose are not capabilities). */
function capabilityProblems(a: Record<string, unknown>, name: string, capabilities: unknown): string[] {
  if (capabilities === undefined) return [];
  const implemented: readonly string[] = CAPABILITIES.filter((m) => typeof a[m] === 'function');
  if (isStringArray(capabilities) && capabilities.every((m) => implemented.includes(m))) return [];
  return [`variantScopes.${name}.capabilities must list methods the adapter implements (it implements: ${implemented.join(', ') || 'none'})`];
}

/** The largest finite-difference step: beyond it a central difference no longer measures a derivative. */
const MAX_FD_STEP = 2 ** -6;
/**
 * The smallest step per dtype, 2⁶·u: below it the roundoff of F(z + h) − F(z − h), divided by 2h, is
 * more than 2⁻⁶ of the values, and the interval of RJS-TOL-FD would accept almost anything.
 */
const MIN_FD_STEP = { float32: 2 ** -18, float64: 2 ** -47 } as const satisfies Record<Dtype, number>;

/**
 * finiteDifference.step must be a power of two (dividing by 2h is exact), at most {@link MAX_FD_STEP}
 * and at least {@link MIN_FD_STEP} of every dtype the variant computes in (RJS-TOL-FD).
 */
function stepProblems(name: string, fd: unknown, dtypes: readonly string[]): string[] {
  if (fd === undefined) return [];
  const step = fd !== null && typeof fd === 'object' ? (fd as Record<string, unknown>).step : undefined;
  const ok = typeof step === 'number' && Number.isFinite(step) && step > 0 && 2 ** Math.round(Math.log2(step)) === step;
  if (!ok) return [`variantScopes.${name}.finiteDifference.step must be a positive power of two (e.g. 2 ** -12), got ${String(step)}`];
  const strictest = dtypes.includes('float32') ? 'float32' : 'float64';
  const min = MIN_FD_STEP[strictest];
  if (step > MAX_FD_STEP)
    return [
      `variantScopes.${name}.finiteDifference.step is 2^${Math.log2(step)}: at most 2^${Math.log2(MAX_FD_STEP)}, or the central difference no longer measures a derivative (RJS-TOL-FD)`,
    ];
  if (step < min)
    return [
      `variantScopes.${name}.finiteDifference.step is 2^${Math.log2(step)}: at least 2^${Math.log2(min)} in ${strictest}, or roundoff swamps the difference (RJS-TOL-FD)`,
    ];
  return [];
}

/** dtypeActivations must map declared dtypes to subsets of activations. */
function dtypeActivationProblems(a: Record<string, unknown>): string[] {
  const per = a.dtypeActivations;
  if (per === undefined) return [];
  const activations = isStringArray(a.activations) ? a.activations : [];
  const ok =
    per !== null &&
    typeof per === 'object' &&
    Object.entries(per).every(
      ([d, names]) => (DTYPES as readonly string[]).includes(d) && isStringArray(names) && names.length > 0 && names.every((n) => activations.includes(n)),
    );
  return ok
    ? []
    : [
        `dtypeActivations, when given, must map dtypes (${DTYPES.join(', ')}) to non-empty subsets of activations (a dtype with no activation is left out of dtypes)`,
      ];
}
