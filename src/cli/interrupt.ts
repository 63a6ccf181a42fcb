/**
 * SIGINT, SIGTERM and SIGHUP during a run: the handler stops the adapter host, writes what the run
 * has (a report set marked interrupted) and the process exits with 128 + the signal number, as a
 * shell reports a process killed by it (130, 143, 129). A second signal exits at once.
 * @packageDocumentation
 */

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** One of the signals handled. */
export type HandledSignal = keyof typeof SIGNALS;

/** Signals held while the runner loads (see {@link holdInterrupts}): listeners, and the first signal that came. */
let held: { readonly listeners: readonly (readonly [HandledSignal, () => void])[]; signal?: HandledSignal } | undefined;

/**
 * Holds SIGINT, SIGTERM and SIGHUP from the start of the process until {@link onInterrupt} installs the
 * run's handler, which then handles a signal that came meanwhile: a run whose adapter host was started
 * before the runner loaded (earlyHost.ts) is interrupted like any other, with a report set. A second
 * signal exits at once.
 */
export function holdInterrupts(): void {
  if (held !== undefined) return;
  const state: { listeners: (readonly [HandledSignal, () => void])[]; signal?: HandledSignal } = { listeners: [] };
  for (const signal of Object.keys(SIGNALS) as HandledSignal[]) {
    const listener = (): void => {
      if (state.signal !== undefined) process.exit(SIGNALS[signal]);
      state.signal = signal;
    };
    process.on(signal, listener);
    state.listeners.push([signal, listener]);
  }
  held = state;
}

/**
 * Stops holding signals (when the command ends without a run's handler); returns the exit code of a
 * signal held meanwhile, or undefined.
 */
export function releaseInterrupts(): number | undefined {
  const h = held;
  held = undefined;
  if (h === undefined) return undefined;
  for (const [signal, listener] of h.listeners) process.off(signal, listener);
  return h.signal === undefined ? undefined : SIGNALS[h.signal];
}

/**
 * Installs the handler until the returned function is called; a signal held until now (see
 * {@link holdInterrupts}) is handled at once.
 * @param handler - runs once, synchronously, on the first signal; returns the exit code
 */
export function onInterrupt(handler: (signal: HandledSignal, exitCode: number) => number): () => void {
  const pending = held?.signal;
  releaseInterrupts();
  let fired = false;
  const listeners = (Object.keys(SIGNALS) as HandledSignal[]).map((signal) => {
    const listener = (): void => {
      if (fired) process.exit(SIGNALS[signal]);
      fired = true;
      let exitCode: number = SIGNALS[signal];
      try {
        exitCode = handler(signal, SIGNALS[signal]);
      } finally {
        process.exit(exitCode);
      }
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  if (pending !== undefined) listeners.find(([s]) => s === pending)?.[1]();
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
