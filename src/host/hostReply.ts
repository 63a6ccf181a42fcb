/**
 * What an adapter host process sends, read in the runner as untrusted data. Adapter code shares that
 * process: it can replace the globals the host's own code uses (`String.prototype.replace`,
 * `Float64Array`) or send messages of its own. So the runner validates every result again and makes
 * every text safe to print here; a message that does not have the expected shape fails the call,
 * never the runner. (The host compares the inputs with built-ins it captured before the adapter was
 * loaded, inputSnapshot.ts, so that no data has to come back for that.)
 * @packageDocumentation
 */
import { validateAdapter } from '../adapters/validateAdapter.js';
import { CaseFailure } from '../check/caseFailure.js';
import type { Adapter, AdapterInfo } from '../contract.js';
import type { CaseFailureData, FailureKind } from '../result.js';
import { safeLine, safeLines } from '../text/safeText.js';
import { declarationOf, type AdapterDeclaration } from './adapterDeclaration.js';
import type { HostFault } from './adapterHost.js';
import type { CallOutcome, CallRequest } from './callRequest.js';
import { readResult, threwFailure } from './invokeAdapter.js';
import { checkInfo } from './startAdapter.js';

/** The failure kinds a host may report; timeouts and mismatches are the runner's to decide. */
const HOST_KINDS: readonly FailureKind[] = ['threw', 'wrong-shape', 'non-finite', 'mutated-input'];
/** Longest failure summary kept from a host (an honest one is far shorter). */
const MAX_SUMMARY = 2000;
/** Stack lines kept. */
const MAX_STACK_LINES = 8;
/** Faults kept from one message. */
const MAX_FAULTS = 20;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** A failure as a host reported it, rebuilt from its safe parts. */
function readFailure(request: CallRequest, raw: unknown): CaseFailureData {
  if (!isObject(raw)) return { kind: 'threw', quantity: request.method, summary: `the adapter host reported a malformed failure of adapter.${request.method}` };
  const kind = HOST_KINDS.includes(raw.kind as FailureKind) ? (raw.kind as FailureKind) : 'threw';
  const quantity = typeof raw.quantity === 'string' ? safeLine(raw.quantity, 100) : request.method;
  const summary = safeLine(typeof raw.summary === 'string' ? raw.summary : `adapter.${request.method} failed`, MAX_SUMMARY);
  const stack = typeof raw.stack === 'string' ? safeLines(raw.stack, MAX_STACK_LINES) : undefined;
  return { kind, quantity, summary, ...(stack !== undefined ? { stack } : {}) };
}

/** The time a host measured inside the adapter (benchmarks only; never part of a verdict). */
function readMs(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/**
 * The outcome of a call from the host's `result` message: a result read again against the request's
 * shape, a failure rebuilt from its safe parts.
 */
export function readHostOutcome(request: CallRequest, message: Record<string, unknown>): CallOutcome {
  const raw = message.outcome;
  if (!isObject(raw))
    return {
      ok: false,
      failure: { kind: 'threw', quantity: request.method, summary: `the adapter host sent a malformed result for adapter.${request.method}` },
    };
  const adapterMs = readMs(raw.adapterMs);
  if (raw.ok !== true) return { ok: false, failure: readFailure(request, raw.failure), adapterMs };
  try {
    return { ok: true, value: readResult(request, raw.value, true), adapterMs };
  } catch (e) {
    return {
      ok: false,
      failure: e instanceof CaseFailure ? e.data : threwFailure(request.method, e, 'reading the result the adapter host sent threw'),
      adapterMs,
    };
  }
}

/** Where a host says a fault happened; the runner's own places (`start`, `--jobs …`, `rnn-jac-spec`) it cannot claim. */
function hostDuring(during: string): string {
  const safe = safeLine(during, 100);
  return safe === 'start' || safe === 'rnn-jac-spec' || safe.startsWith('--jobs') ? `adapter code (${safe})` : safe;
}

/** The faults of a host's `disposed` message, made safe. */
export function readHostFaults(message: Record<string, unknown>): HostFault[] {
  const raw = Array.isArray(message.faults) ? message.faults : [];
  return raw.slice(0, MAX_FAULTS).map((f: unknown) => ({
    during: hostDuring(isObject(f) && typeof f.during === 'string' ? f.during : 'adapter code'),
    message: safeLine(isObject(f) && typeof f.message === 'string' ? f.message : 'a fault the adapter host could not describe', MAX_SUMMARY),
  }));
}

/**
 * The declaration and info of a host's `ready` message, checked again against the contract here.
 * @returns the problems, or the declaration and info
 */
export function readHostReady(message: Record<string, unknown>): { problems: string } | { declaration: AdapterDeclaration; info: AdapterInfo | undefined } {
  const d = message.declaration;
  if (!isObject(d) || !Array.isArray(d.methods)) return { problems: 'the adapter host sent a malformed declaration' };
  // The declaration as an adapter with stub members, so that the contract's own check reads it.
  const stub: Record<string, unknown> = { ...d };
  delete stub.methods;
  stub.stepJacobian = () => undefined;
  for (const m of d.methods) if (typeof m === 'string') stub[m] = () => undefined;
  const problems = validateAdapter(stub);
  if (problems.length > 0) return { problems: problems.map((p) => safeLine(p, 300)).join('; ') };
  let info: AdapterInfo | undefined;
  try {
    info = message.info === undefined ? undefined : checkInfo(message.info);
  } catch (e) {
    return { problems: safeLine(e instanceof Error ? e.message : 'info() is malformed', 300) };
  }
  return { declaration: declarationOf(stub as unknown as Adapter), info };
}
