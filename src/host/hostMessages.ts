/**
 * The messages between the runner and an adapter host process (Node's IPC channel with the
 * `advanced` serialization, so typed arrays are copied as such). The host runs one call at a time;
 * the runner may post the next while one runs, and the host queues it.
 * @packageDocumentation
 */
import type { AdapterInfo } from '../contract.js';
import type { AdapterDeclaration } from './adapterDeclaration.js';
import type { HostFault } from './adapterHost.js';
import type { CallOutcome, CallRequest } from './callRequest.js';

/** Runner → host. */
export type ToHost =
  | { readonly type: 'start'; readonly spec: string; readonly options: Readonly<Record<string, string>>; readonly cwd: string }
  | { readonly type: 'call'; readonly id: number; readonly request: CallRequest }
  | { readonly type: 'dispose' };

/** Host → runner. */
export type FromHost =
  | { readonly type: 'alive' }
  | { readonly type: 'ready'; readonly declaration: AdapterDeclaration; readonly info: AdapterInfo | undefined }
  | { readonly type: 'start-failed'; readonly message: string }
  | { readonly type: 'result'; readonly id: number; readonly outcome: CallOutcome }
  | { readonly type: 'disposed'; readonly faults: readonly HostFault[] };

/**
 * The file descriptor of the host's "last words" pipe: a patched `process.exit` writes to it
 * synchronously before the process ends, so the runner learns who called exit and where.
 */
export const LAST_WORDS_FD = 4;

/** What the host writes on {@link LAST_WORDS_FD} (one JSON line). */
export interface LastWords {
  /** The exit code adapter code asked for. */ readonly code: number;
  /** The call in progress, if any (e.g. `adapter.stepJacobian`). */ readonly during?: string;
  /** Where exit was called: the first stack frame outside the host. */ readonly at?: string;
}
