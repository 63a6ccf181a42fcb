import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, liveTable } from '../../src/cli/liveTable.js';
import type { PropertyResult } from '../../src/result.js';

/** A stream that records what is written. */
function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}

const target = { adapter: 'a', backend: 'cpu', variant: 'grads', dtype: 'float32' as const };
const plan = {
  name: 'a',
  info: { framework: 'fw', version: '1.0' },
  units: [
    { property: 'step-jacobian' as const, target },
    { property: 'parameter-gradients' as const, target },
  ],
};
const pass: PropertyResult = { property: 'step-jacobian', rule: 'RJS-STEP', title: 't', target, verdict: 'pass', cases: 100, maxRatio: 0.5, durationMs: 1234 };

describe('liveTable', () => {
  afterEach(() => vi.useRealTimers());

  it('prints the adapter, the column titles and rows that line up with them', () => {
    const out = sink();
    const t = liveTable(out.stream, sink().stream, { heartbeat: false });
    t.start(plan, 'expected duration line');
    t.row(pass);
    const lines = out.text().split('\n');
    expect(lines[0]).toBe('adapter a (fw 1.0)');
    expect(lines[1]).toBe('expected duration line');
    const titles = lines[3];
    const row = lines[4];
    expect(titles).toMatch(/^property +rule +target +verdict +cases +err\/tol +time$/);
    // The property column is as wide as the widest planned unit, so every later column starts alike.
    expect(row.indexOf('RJS-STEP')).toBe(titles.indexOf('rule'));
    expect(row.indexOf('cpu grads float32')).toBe(titles.indexOf('target'));
    expect(row.indexOf('PASS')).toBe(titles.indexOf('verdict'));
    expect(row.endsWith('1.23 s') || row.endsWith('1.2 s')).toBe(true);
  });

  it('in CI, says which unit still runs when nothing was printed for HEARTBEAT_MS, and stops when told', () => {
    vi.useFakeTimers();
    const err = sink();
    const t = liveTable(sink().stream, err.stream, { heartbeat: true, now: () => Date.now() });
    t.start(plan, '');
    t.progress('parameter-gradients float32', 7);
    vi.advanceTimersByTime(HEARTBEAT_MS - 2000);
    expect(err.text()).toBe('');
    vi.advanceTimersByTime(3000);
    expect(err.text()).toMatch(/^rnn-jac-spec: still running parameter-gradients float32: 7 cases in \d+/);
    const before = err.text();
    t.stop();
    vi.advanceTimersByTime(10 * HEARTBEAT_MS);
    expect(err.text()).toBe(before);
  });
});
