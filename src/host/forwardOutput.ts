/**
 * What adapter code prints in its host process goes to the runner's stderr, one marked line at a
 * time and made safe (no control characters, no line that starts a CI workflow command), and never
 * to the runner's stdout, where the summary and `--format github` annotations are. It is capped, so
 * that a chatty framework cannot flood a CI log.
 * @packageDocumentation
 */
import type { Readable } from 'node:stream';
import { safeLine } from '../text/safeText.js';

/** Receives one line the adapter printed (already made safe). */
export type OutputSink = (line: string) => void;

/** Lines forwarded per host process before the rest is dropped. */
export const MAX_FORWARDED_LINES = 500;
/** Lines kept for start-up error messages. */
const TAIL = 10;

/** The default sink: this process's stderr, each line marked as the adapter's. */
export const stderrSink: OutputSink = (line) => {
  try {
    process.stderr.write(`[adapter] ${line}\n`);
  } catch {
    // A closed stderr loses the adapter's output, nothing else.
  }
};

/** A line splitter over the host's stdout and stderr, feeding `sink`. */
export function forwardOutput(sink: OutputSink = stderrSink): { attach(stream: Readable): void; tail(): string[] } {
  let forwarded = 0;
  const last: string[] = [];
  const emit = (raw: string): void => {
    const line = safeLine(raw, 500);
    last.push(line);
    if (last.length > TAIL) last.shift();
    if (forwarded < MAX_FORWARDED_LINES) sink(line);
    else if (forwarded === MAX_FORWARDED_LINES) sink(`(further output of the adapter is not shown: more than ${MAX_FORWARDED_LINES} lines)`);
    forwarded++;
  };
  return {
    attach(stream) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => {
        buffered += d;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          emit(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
        }
        if (buffered.length > 10_000) {
          emit(buffered);
          buffered = '';
        }
      });
      stream.on('end', () => {
        if (buffered !== '') emit(buffered);
      });
    },
    tail: () => [...last],
  };
}
