/**
 * The adapter host: where the adapter under test runs, and the one way the runner reaches it.
 * Two kinds: a supervised child process (the default, {@link startProcessHost}), which an adapter
 * cannot crash, hang, exit or write through, and the runner's own process (`--isolation none`,
 * {@link inProcessHost}), for adapters that cannot run elsewhere and for the vitest integration.
 * @packageDocumentation
 */
import type { AdapterInfo } from '../contract.js';
import type { AdapterDeclaration } from './adapterDeclaration.js';
import type { CallOutcome, CallRequest } from './callRequest.js';

/** Where the adapter runs: `process` (a supervised child process) or `none` (the runner's process). */
export const ISOLATIONS = ['process', 'none'] as const;
/** One of them. */
export type Isolation = (typeof ISOLATIONS)[number];

/** Something adapter code did that is no case's failure: a fault of the run, reported as such. */
export interface HostFault {
  /** What was running, e.g. `adapter.dispose()` or `after adapter.stepJacobian returned`. */ readonly during: string;
  /** What happened, in one line. */ readonly message: string;
}

/** An adapter that could not be started (loaded, created, described): the CLI prints it and exits 2. */
export class HostStartError extends Error {
  override readonly name = 'HostStartError';
}

/** A started adapter. */
export interface AdapterHost {
  /** How it is isolated. */ readonly isolation: Isolation;
  /** What the adapter declares. */ readonly declaration: AdapterDeclaration;
  /** What its `info()` said (undefined when it has none). */ readonly info: AdapterInfo | undefined;
  /**
   * Runs one call. Never rejects: a throw, a timeout (after `timeoutMs`), a crash of the host, a
   * write into the inputs, a malformed result are the outcome's failure.
   */
  call(request: CallRequest, timeoutMs: number): Promise<CallOutcome>;
  /**
   * Calls the adapter's `dispose()` (under `timeoutMs`) and releases the host. Resolves to the faults
   * of the run not yet reported: a dispose that threw or hung, adapter code that failed after the last call.
   */
  close(timeoutMs: number): Promise<HostFault[]>;
  /** Ends the host at once, without dispose (an interrupted run). Synchronous, so it can run on exit. */
  kill(): void;
}
