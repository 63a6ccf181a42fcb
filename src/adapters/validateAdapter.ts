import type { Adapter } from '../contract.js';

const DTYPES = ['float32', 'float64'];
const FORMS = ['pascanu', 'pascanu-sigma-input', 'elman'];
/** The optional methods a variant may offer (VariantScope.capabilities). */
const CAPABILITIES: readonly (keyof Adapter)[] = ['inputJacobian', 'sequenceJacobian', 'parameterGradients', 'vjp', 'jvp', 'forward'];
const OPTIONAL_METHODS: readonly (keyof Adapter)[] = [...CAPABILITIES, 'info', 'dispose'];

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Lists every way `value` breaks the adapter contract (empty when it follows it). */
export function validateAdapter(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [`the factory returned ${value === null ? 'null' : typeof value}, not an adapter object`];
  const a = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof a.name !== 'string' || a.name === '') problems.push('name must be a non-empty string');
  if (!isStringArray(a.dtypes) || a.dtypes.length === 0 || a.dtypes.some((d) => !DTYPES.includes(d))) problems.push(`dtypes must be a non-empty array of ${DTYPES.join(' / ')}`);
  if (!isStringArray(a.activations)) problems.push('activations must be an array of catalogue names (e.g. ["tanh", "relu"])');
  if (typeof a.stepJacobian !== 'function') problems.push('stepJacobian(c) must be a function');
  if (a.forms !== undefined && (!isStringArray(a.forms) || a.forms.some((f) => !FORMS.includes(f)))) problems.push(`forms, when given, must list some of ${FORMS.join(', ')}`);
  if (a.variants !== undefined && !isStringArray(a.variants)) problems.push('variants, when given, must be an array of strings');
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
    if (s.forms !== undefined && (!isStringArray(s.forms) || s.forms.some((f) => !forms.includes(f)))) problems.push(`variantScopes.${name}.forms must be a subset of forms (${forms.join(', ')})`);
    if (s.activations !== undefined && (!isStringArray(s.activations) || s.activations.some((n) => !activations.includes(n)))) problems.push(`variantScopes.${name}.activations must be a subset of activations`);
    if (s.dtypes !== undefined && (!isStringArray(s.dtypes) || s.dtypes.length === 0 || s.dtypes.some((d) => !isStringArray(a.dtypes) || !a.dtypes.includes(d)))) problems.push(`variantScopes.${name}.dtypes must be a non-empty subset of dtypes`);
    problems.push(...capabilityProblems(a, name, s.capabilities), ...stepProblems(name, s.finiteDifference));
  }
  return problems;
}

/** capabilities must name optional methods the adapter implements (info and dispose are not capabilities). */
function capabilityProblems(a: Record<string, unknown>, name: string, capabilities: unknown): string[] {
  if (capabilities === undefined) return [];
  const implemented = CAPABILITIES.filter((m) => typeof a[m] === 'function');
  if (isStringArray(capabilities) && capabilities.every((m) => implemented.includes(m as keyof Adapter))) return [];
  return [`variantScopes.${name}.capabilities must list methods the adapter implements (it implements: ${implemented.join(', ') || 'none'})`];
}

/** finiteDifference.step must be a positive power of two, so that dividing by 2h is exact (RJS-TOL-FD). */
function stepProblems(name: string, fd: unknown): string[] {
  if (fd === undefined) return [];
  const step = fd !== null && typeof fd === 'object' ? (fd as Record<string, unknown>).step : undefined;
  const ok = typeof step === 'number' && Number.isFinite(step) && step > 0 && 2 ** Math.round(Math.log2(step)) === step;
  return ok ? [] : [`variantScopes.${name}.finiteDifference.step must be a positive power of two (e.g. 2 ** -12), got ${String(step)}`];
}

/** dtypeActivations must map declared dtypes to subsets of activations. */
function dtypeActivationProblems(a: Record<string, unknown>): string[] {
  const per = a.dtypeActivations;
  if (per === undefined) return [];
  const activations = isStringArray(a.activations) ? a.activations : [];
  const ok = per !== null && typeof per === 'object' &&
    Object.entries(per).every(([d, names]) => DTYPES.includes(d) && isStringArray(names) && names.every((n) => activations.includes(n)));
  return ok ? [] : ['dtypeActivations, when given, must map dtypes (float32, float64) to subsets of activations'];
}
