/**
 * SIGINT, SIGTERM and SIGHUP during a run: the handler stops the adapter host, writes what the run
 * has (a report set marked interrupted) and the process exits with 128 + the signal number, as a
 * shell reports a process killed by it (130, 143, 129). A second signal exits at once.
 * @packageDocumentation
 */

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** One of the signals handled. */
export type HandledSignal = keyof typeof SIGNALS;

/**
 * Installs the handler until the returned function is called.
 * @param handler - runs once, synchronously, on the first signal; returns the exit code
 */
export function onInterrupt(handler: (signal: HandledSignal, exitCode: number) => number): () => void {
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
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
