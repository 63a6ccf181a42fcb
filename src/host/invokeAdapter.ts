/**
 * One adapter call, made the same way by every host: the adapter gets a private copy of the case,
 * its result is read and validated here (so a result whose getters throw is a failure of the case,
 * never of the runner), and a changed input fails the case in its own right.
 * @packageDocumentation
 */
import { CaseFailure } from '../check/caseFailure.js';
import { toFloat64 } from '../check/toFloat64.js';
import type { Adapter } from '../contract.js';
import type { CaseFailureData } from '../result.js';
import { describeValue, errorText, safeLines } from '../text/safeText.js';
import { GRADIENT_FIELDS, type CallOutcome, type CallRequest, type CallValue, type ResultShape } from './callRequest.js';
import { copyInput, handedOut, handedOutMutation, inputMutation, type HandedOut } from './inputSnapshot.js';

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
    const frames = err.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, FRAMES)
      .map((l) => l.trim().split(prefix).join(''));
    return frames.length > 0 ? safeLines(frames.join('\n'), FRAMES) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a returned array into a Float64Array (toFloat64's checks); a read that throws is `threw`. */
function readArray(method: string, raw: unknown, shape: ResultShape, owned: boolean): Float64Array {
  try {
    return toFloat64(raw, shape.length, shape.quantity, shape.shape, owned);
  } catch (e) {
    if (e instanceof CaseFailure) throw e;
    throw new CaseFailure(threwFailure(method, e, `reading the value adapter.${method} returned threw`));
  }
}

/**
 * Validates a result against what the request says it must be (also in the runner, on what a host
 * process sent). `owned`: no one else holds the arrays (see toFloat64), so they need no copy.
 */
export function readResult(req: CallRequest, raw: unknown, owned = false): CallValue {
  const r = req.result;
  if (!('fields' in r)) return readArray(req.method, raw, r, owned);
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
    out[f] = readArray(req.method, field, r.fields[f], owned);
  }
  return out as CallValue;
}

/** The adapter's own copies of a call's inputs, as they are after the call. */
export interface CallInputs {
  /** The case the adapter was given. */ readonly case: unknown;
  /** The second argument of vjp and jvp, when there is one. */ readonly vector?: unknown;
  /** The arrays the case held when it was handed over (compared as they are, whatever its fields hold now). */ readonly arrays: HandedOut;
}

/** One call as made where the adapter runs: its outcome, and the inputs to compare (absent when it threw). */
export interface Invocation {
  /** The outcome, before the inputs are compared. */ readonly outcome: CallOutcome;
  /** The adapter's copies of the inputs; compared by {@link settleInputs}. */ readonly inputs?: CallInputs;
}

/**
 * Calls `req.method` of `adapter` on a private copy of the case and reads what it returns. Never
 * throws: every way the call can go wrong is the outcome's failure. The inputs are compared
 * afterwards by {@link settleInputs}, with built-ins captured before any adapter code ran
 * (inputSnapshot.ts), so that replacing globals cannot hide a write.
 * @param adapter - the adapter (in the host's process)
 * @param req - the call; `req.case` is never handed to the adapter
 * @param o - `sent`: the outcome is sent to the runner at once (the host process), which copies it
 */
export async function invokeAdapter(adapter: Adapter, req: CallRequest, o: { readonly sent?: boolean } = {}): Promise<Invocation> {
  const kase = copyInput(req.case);
  // Taken before any adapter code sees the copy.
  const arrays = handedOut(kase);
  const vector = req.vector === undefined ? undefined : copyInput(req.vector);
  const started = performance.now();
  let raw: unknown;
  try {
    const member = (adapter as unknown as Record<string, (c: unknown, v?: unknown) => unknown>)[req.method];
    raw = await (vector === undefined ? member.call(adapter, kase) : member.call(adapter, kase, vector));
  } catch (e) {
    return { outcome: { ok: false, failure: threwFailure(req.method, e), adapterMs: performance.now() - started } };
  }
  const adapterMs = performance.now() - started;
  const inputs: CallInputs = vector === undefined ? { case: kase, arrays } : { case: kase, vector, arrays };
  try {
    // A result that is sent to the runner at once is copied by the sending: it needs no copy here.
    return { outcome: { ok: true, value: readResult(req, raw, o.sent === true), adapterMs }, inputs };
  } catch (e) {
    if (e instanceof CaseFailure) return { outcome: { ok: false, failure: e.data, adapterMs }, inputs };
    return { outcome: { ok: false, failure: threwFailure(req.method, e, `reading the value adapter.${req.method} returned threw`), adapterMs }, inputs };
  }
}

/**
 * What the adapter wrote into the inputs of `req`, compared with the suite's originals, or undefined.
 * `inputs` are the adapter's copies as they are now (after the call, or later).
 */
function writtenInputs(req: CallRequest, inputs: CallInputs): string | undefined {
  try {
    return (
      handedOutMutation(req.case, inputs.arrays) ??
      inputMutation(
        req.case,
        inputs.case,
        req.vector === undefined ? undefined : { name: req.method === 'vjp' ? 'v' : 'w', original: req.vector, copy: inputs.vector },
        inputs.arrays,
      )
    );
  } catch {
    return 'the case (its fields now throw when read)';
  }
}

/**
 * The outcome of a call once its inputs are compared: a call that returned but wrote into an input
 * fails the case as `mutated-input` (a framework must not write into the arrays it is given), whatever
 * it returned.
 */
export function settleInputs(req: CallRequest, inv: Invocation): CallOutcome {
  if (inv.inputs === undefined) return inv.outcome;
  const mutated = writtenInputs(req, inv.inputs);
  if (mutated === undefined) return inv.outcome;
  return {
    ok: false,
    adapterMs: inv.outcome.adapterMs,
    failure: {
      kind: 'mutated-input',
      quantity: req.method,
      summary: `adapter mutated its input ${mutated} in adapter.${req.method}: a framework must not write into the arrays it is given`,
    },
  };
}

/**
 * The failure of a call made after adapter code wrote into the inputs of the previous call once that
 * call had returned (a deferred write into caller memory): it fails the call in progress.
 */
export function laterWrite(previous: CallRequest, inputs: CallInputs, method?: string): CaseFailureData | undefined {
  const mutated = writtenInputs(previous, inputs);
  if (mutated === undefined) return undefined;
  const found = method !== undefined ? `found at adapter.${method}` : 'found when the run ended';
  return {
    kind: 'mutated-input',
    quantity: method ?? previous.method,
    summary: `adapter code wrote into input ${mutated} of adapter.${previous.method} after that call had returned (${found}): a framework must not write into the arrays it is given, not even later`,
  };
}
