/**
 * Orphan prevention for the processes rnn-jac-spec starts (adapter hosts, `--jobs` children): a
 * worker thread polls the parent's pid and kills this process when the parent is gone, even while
 * the main thread is stuck in adapter code (a synchronous loop cannot stop a worker thread). A
 * parent killed with SIGKILL therefore leaves no process behind for longer than {@link POLL_MS}.
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';

/** How often the parent is looked for. */
export const POLL_MS = 200;

/** The environment variable through which a parent tells its child whom to watch. */
export const PARENT_ENV = 'RNN_JAC_SPEC_PARENT_PID';

const SOURCE = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid === workerData.ppid) return;
  // An adapter host leads its process group: what adapter code started in it goes too.
  try { process.kill(-process.pid, 'SIGKILL'); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, workerData.pollMs);
`;

/**
 * Starts the watchdog when the environment names this process's parent (and that parent is still the
 * parent). It never keeps the process alive.
 * @param env - the environment (default process.env)
 * @returns whether a watchdog was started
 */
export function watchParent(env: NodeJS.ProcessEnv = process.env): boolean {
  const ppid = Number(env[PARENT_ENV]);
  if (!Number.isInteger(ppid) || ppid <= 1 || ppid !== process.ppid) return false;
  const w = new Worker(SOURCE, { eval: true, workerData: { ppid, pollMs: POLL_MS } });
  w.unref();
  return true;
}
