import { formatDuration } from '../report/format.js';
import type { Progress } from '../runner/run.js';

/** Width of the bar, in characters. */
const BAR = 10;

/**
 * One progress line: a bar over the property × target units, the unit running, its cases, the rate
 * over the whole run and an estimate of the time left. Progress counts each unit as its `runs`
 * generated cases (shrinking a failure adds cases the estimate cannot foresee, so the ETA is a lower
 * bound while a failure shrinks).
 * @param p - where the run is
 * @param elapsedMs - time since the run started
 * @param casesSoFar - cases checked in the run so far, all units
 * @returns the line, without carriage return
 */
export function formatProgress(p: Progress, elapsedMs: number, casesSoFar: number): string {
  const done = (p.step - 1 + Math.min(p.cases, p.runs) / Math.max(1, p.runs)) / Math.max(1, p.steps);
  const filled = Math.round(BAR * done);
  const rate = elapsedMs > 0 ? (casesSoFar * 1000) / elapsedMs : 0;
  const eta = done > 0 && elapsedMs >= 1000 ? `, ETA ${formatDuration((elapsedMs * (1 - done)) / done)}` : '';
  // The numbers first, so that an 80-column terminal cuts the label, not the rate and ETA.
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${p.step}/${p.steps}, ${p.cases} cases, ${rate.toFixed(rate < 10 ? 1 : 0)}/s${eta}: ${p.label}`;
}

/**
 * A live progress line on stderr, only on a TTY outside CI (CI logs get no carriage-return noise),
 * redrawn at most every 100 ms. Returns the callback for run() and a function that clears the line.
 */
export function progressLine(
  stream: NodeJS.WriteStream = process.stderr,
  env = process.env,
  now = () => Date.now(),
): { onProgress?: (p: Progress) => void; clear: () => void; done: () => void } {
  const enabled = stream.isTTY === true && (env.CI === undefined || env.CI === '' || env.CI === 'false');
  if (!enabled) return { clear: () => {}, done: () => {} };
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`);
    shown = false;
  };
  const started = now();
  let last = 0;
  let finished = 0; // cases of the units before the current one
  let current = { step: 0, cases: 0 };
  return {
    onProgress: (p) => {
      if (p.step !== current.step) finished += current.cases;
      current = { step: p.step, cases: p.cases };
      const t = now();
      if (p.cases > 0 && t - last < 100) return;
      last = t;
      const width = (stream.columns ?? 80) - 1;
      const line = formatProgress(p, t - started, finished + p.cases);
      stream.write(`\r${line.slice(0, width).padEnd(Math.min(line.length + 10, width))}`);
      shown = true;
    },
    clear,
    done: clear,
  };
}
