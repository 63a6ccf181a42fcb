/**
 * One adapter call, made the same way by every host: the adapter gets a private copy of the case,
 * its result is read and validated here (so a result whose getters throw is a failure of the case,
 * never of the runner), and a changed input fails the case in its own right.
 * @packageDocumentation
 */
import { CaseFailure } from '../check/caseFailure.js';
import { toFloat64 } from '../check/toFloat64.js';
import type { Adapter } from '../contract.js';
import type { CaseFailureData } from '../runner/result.js';
import { describeValue, errorText, safeLines } from '../text/safeText.js';
import { GRADIENT_FIELDS, type CallOutcome, type CallRequest, type CallValue, type ResultShape } from './callRequest.js';
import { copyInput, inputMutation } from './inputSnapshot.js';

/** Stack frames kept of an error an adapter threw: enough to see which framework function threw. */
const FRAMES = 8;

/** The failure of a call that threw or rejected. */
export function threwFailure(method: string, err: unknown, what = `adapter.${method} threw`): CaseFailureData {
  const stack = topFrames(err);
  return { kind: 'threw', quantity: method, summary: `${what} ${errorText(err)}`, ...(stack !== undefined ? { stack } : {}) };
}

/** The first {@link FRAMES} "at …" lines of an error's stack, relative to the working directory. */
function topFrames(err: unknown): string | undefined {
  try {
    if (!(err instanceof Error) || typeof err.stack !== 'string') return undefined;
    const prefix = `${process.cwd()}/`;
    const frames = err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, FRAMES).map((l) => l.trim().split(prefix).join(''));
    return frames.length > 0 ? safeLines(frames.join('\n'), FRAMES) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a returned array into a Float64Array (toFloat64's checks); a read that throws is `threw`. */
function readArray(method: string, raw: unknown, shape: ResultShape): Float64Array {
  try {
    return toFloat64(raw, shape.length, shape.quantity, shape.shape);
  } catch (e) {
    if (e instanceof CaseFailure) throw e;
    throw new CaseFailure(threwFailure(method, e, `reading the value adapter.${method} returned threw`));
  }
}

/** Validates a result against what the request says it must be. */
function readResult(req: CallRequest, raw: unknown): CallValue {
  const r = req.result;
  if (!('fields' in r)) return readArray(req.method, raw, r);
  if (raw === null || typeof raw !== 'object') {
    throw new CaseFailure({ kind: 'wrong-shape', quantity: '∂L/∂θ', summary: `${req.method} returned ${describeValue(raw)}, not { W, U, b, x0 }` });
  }
  const out: Partial<Record<(typeof GRADIENT_FIELDS)[number], Float64Array>> = {};
  for (const f of GRADIENT_FIELDS) {
    let field: unknown;
    try {
      field = (raw as Record<string, unknown>)[f];
    } catch (e) {
      throw new CaseFailure(threwFailure(req.method, e, `reading ${f} of the value adapter.${req.method} returned threw`));
    }
    out[f] = readArray(req.method, field, r.fields[f]);
  }
  return out as CallValue;
}

/**
 * Calls `req.method` of `adapter` on a private copy of the case and validates what it returns.
 * Never throws: every way the call can go wrong is the outcome's failure.
 * @param adapter - the adapter (in the host's process)
 * @param req - the call; `req.case` is never handed to the adapter
 */
export async function invokeAdapter(adapter: Adapter, req: CallRequest): Promise<CallOutcome> {
  const kase = copyInput(req.case);
  const vector = req.vector === undefined ? undefined : copyInput(req.vector);
  const started = performance.now();
  let raw: unknown;
  try {
    const member = (adapter as unknown as Record<string, (c: unknown, v?: unknown) => unknown>)[req.method];
    raw = await (vector === undefined ? member.call(adapter, kase) : member.call(adapter, kase, vector));
  } catch (e) {
    return { ok: false, failure: threwFailure(req.method, e), adapterMs: performance.now() - started };
  }
  const adapterMs = performance.now() - started;
  let mutated: string | undefined;
  try {
    mutated = inputMutation(req.case, kase, vector === undefined ? undefined : { name: req.method === 'vjp' ? 'v' : 'w', original: req.vector!, copy: vector });
  } catch {
    mutated = 'the case (its fields now throw when read)';
  }
  if (mutated !== undefined) {
    return { ok: false, adapterMs, failure: { kind: 'mutated-input', quantity: req.method, summary: `adapter mutated its input ${mutated} in adapter.${req.method}: a framework must not write into the arrays it is given` } };
  }
  try {
    return { ok: true, value: readResult(req, raw), adapterMs };
  } catch (e) {
    if (e instanceof CaseFailure) return { ok: false, failure: e.data, adapterMs };
    return { ok: false, failure: threwFailure(req.method, e, `reading the value adapter.${req.method} returned threw`), adapterMs };
  }
}
