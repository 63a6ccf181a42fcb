#!/usr/bin/env node
/**
 * The `rnn-jac-spec` command's entry: it starts the adapter host from a quick reading of argv first,
 * so that the host's boot and the framework's import overlap the loading of the runner, then runs
 * the command (runCli.ts), which takes that host when the full parse asks for the same start.
 * @packageDocumentation
 */
import { watchParent } from '../host/parentWatchdog.js';
import { startHostEarly } from './earlyHost.js';
import { holdInterrupts, releaseInterrupts } from './interrupt.js';

// A `--jobs` child dies with its parent; a closed stdout (`| head`) loses the summary, not the run.
watchParent();
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
const argv = process.argv.slice(2);
// A signal before the run's handler is installed waits for it, so an early host never goes unreported.
holdInterrupts();
const early = startHostEarly(argv);
if (early === undefined) {
  const held = releaseInterrupts();
  if (held !== undefined) process.exit(held);
}
const { main } = await import('./runCli.js');
const code = await main(argv, process.stdout, process.stderr, early);
// A signal held through a command that ended before a run began (a usage error) still ends it as signals do.
process.exitCode = releaseInterrupts() ?? code;
