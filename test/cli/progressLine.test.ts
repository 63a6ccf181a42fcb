import { describe, expect, it } from 'vitest';
import { formatProgress, progressLine } from '../../src/cli/progressLine.js';

/** A fake terminal that records what is written. */
function tty(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 120, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('progress line', () => {
  it('shows a bar over the units, the unit, its cases, the rate and the time left', () => {
    // Unit 2 of 4 half done: 37.5 % of the run after 30 s, so 50 s are left; 150 cases in 30 s is 5/s.
    expect(formatProgress({ step: 2, steps: 4, label: 'step-jacobian float32', cases: 50, runs: 100 }, 30_000, 150)).toBe(
      '[████░░░░░░] 2/4, 50 cases, 5.0/s, ETA 50 s: step-jacobian float32',
    );
    expect(formatProgress({ step: 1, steps: 2, label: 'forward float64', cases: 0, runs: 100 }, 0, 0)).toBe(
      '[░░░░░░░░░░] 1/2, 0 cases, 0.0/s: forward float64',
    );
  });

  it('keeps the numbers within 80 columns, however long the unit label', () => {
    const line = formatProgress(
      { step: 12, steps: 160, label: 'parameter-gradients on jax-js webgpu jit-jacfwd float32', cases: 1234, runs: 100 },
      754_000,
      98_765,
    );
    expect(line.slice(0, 79)).toMatch(/^\[[█░]{10}\] 12\/160, 1234 cases, 131\/s, ETA [^:]+: parameter-/);
  });

  it('does not run past the end of a unit while a failure shrinks (cases beyond runs)', () => {
    const line = formatProgress({ step: 1, steps: 1, label: 'adjoint float64', cases: 900, runs: 100 }, 9_000, 900);
    expect(line).toMatch(/^\[█{10}\] 1\/1, 900 cases, 100\/s, ETA 0 ms: adjoint float64$/);
  });

  it('draws on a TTY, counting the cases of finished units into the rate, and clears itself', () => {
    const { stream, written } = tty(true);
    let t = 0;
    const p = progressLine(stream, {}, () => t);
    t = 2000;
    p.onProgress!({ step: 1, steps: 2, label: 'a', cases: 100, runs: 100 });
    t = 4000;
    p.onProgress!({ step: 2, steps: 2, label: 'b', cases: 100, runs: 100 });
    expect(written[1]).toMatch(/^\r\[█{10}\] 2\/2, 100 cases, 50\/s, ETA 0 ms: b/);
    p.done();
    expect(written.at(-1)).toMatch(/^\r +\r$/);
  });

  it('is off on a pipe and in CI', () => {
    expect(progressLine(tty(false).stream, {}).onProgress).toBeUndefined();
    expect(progressLine(tty(true).stream, { CI: 'true' }).onProgress).toBeUndefined();
    expect(progressLine(tty(true).stream, { CI: 'false' }).onProgress).toBeDefined();
  });
});
