/**
 * The inputs of the last calls that returned, kept where the adapter runs and compared again, so that a
 * write adapter code makes after a call returned (from a timer, an asynchronous copy back) is found.
 * @packageDocumentation
 */
import type { CaseFailureData } from '../result.js';
import type { CallRequest } from './callRequest.js';
import { laterWrite, type CallInputs } from './invokeAdapter.js';

/** Most calls kept, and about how many bytes of inputs (the suite's originals and the adapter's copies). */
const RECENT_CALLS = 64;
const RECENT_BYTES = 32 * 2 ** 20;
/** The newest calls compared at every call; all of them every {@link FULL_CHECK_EVERY}-th call and at the end. */
const CHECKED_EACH_CALL = 3;
const FULL_CHECK_EVERY = 32;
/** How long after the last call returned the end waits for writes adapter code left on timers to land. */
export const SETTLE_MS = 250;

/** The recent calls of one adapter. */
export class RecentInputs {
  private recent: { request: CallRequest; inputs: CallInputs }[] = [];
  private calls = 0;

  /** Keeps a call that returned (not one whose write was already reported). */
  keep(request: CallRequest, inputs: CallInputs): void {
    const n = Number(request.case.n) || 1;
    const kept = Math.max(CHECKED_EACH_CALL, Math.min(RECENT_CALLS, Math.floor(RECENT_BYTES / (16 * n * n + 4096))));
    this.recent = [{ request, inputs }, ...this.recent].slice(0, kept);
  }

  /** Whether any call is kept. */
  get empty(): boolean {
    return this.recent.length === 0;
  }

  /**
   * A write into the inputs of a kept call, made after it returned, or undefined. `method`: the call
   * in progress (undefined at the end, when every kept call is compared). A write found is reported
   * once: the calls kept so far are dropped.
   */
  laterWrite(method?: string): CaseFailureData | undefined {
    const all = method === undefined || ++this.calls % FULL_CHECK_EVERY === 0;
    for (const r of all ? this.recent : this.recent.slice(0, CHECKED_EACH_CALL)) {
      const late = laterWrite(r.request, r.inputs, method);
      if (late !== undefined) {
        this.recent = [];
        return late;
      }
    }
    return undefined;
  }
}
