import type { Progress } from '../runner/run.js';

/**
 * A live progress line on stderr, only on a TTY outside CI (CI logs get no carriage-return noise).
 * Returns the callback for run() and a function that clears the line.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, env = process.env): { onProgress?: (p: Progress) => void; done: () => void } {
  const enabled = stream.isTTY === true && (env.CI === undefined || env.CI === '' || env.CI === 'false');
  if (!enabled) return { done: () => {} };
  let last = 0;
  return {
    onProgress: (p) => {
      const now = Date.now();
      if (p.cases > 0 && now - last < 100) return;
      last = now;
      const line = `[${p.step}/${p.steps}] ${p.label}: ${p.cases} cases`;
      stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1).padEnd(Math.min(line.length + 10, (stream.columns ?? 80) - 1))}`);
    },
    done: () => stream.write(`\r${' '.repeat((stream.columns ?? 80) - 1)}\r`),
  };
}
