import { formatDuration } from '../report/format.js';
import type { PropertyResult } from '../result.js';
import type { RunPlan } from '../runner/run.js';
import { specDocument } from '../spec/specDocument.js';
import { adapterLine, COLUMNS, tableRow, tableTarget } from './summary.js';

/** Widths of the columns that do not depend on the units: verdict, cases, err/tol, time. */
const FIXED = [7, 8, 10, 8] as const;

/** How often, at most, a CI log gets a line while one unit runs (issue: CI services end silent jobs). */
export const HEARTBEAT_MS = 30_000;

/** The table as a run prints it while it goes: the header once the adapter started, a row per unit as it ends. */
export interface LiveTable {
  /** Prints the adapter line, `extra` (the expected duration) and the column titles. */ start(plan: RunPlan, extra: string): void;
  /** Prints one unit's row. */ row(r: PropertyResult): void;
  /** Where the run is, for the heartbeat: the unit's label and its cases so far. */ progress(label: string, cases: number): void;
  /** Stops the heartbeat. */ stop(): void;
}

/**
 * A table streamed to `out` (the column widths come from the plan, so rows line up without knowing
 * the results), with a heartbeat line on `err` at most every {@link HEARTBEAT_MS} while a unit runs
 * and nothing else was printed, when `heartbeat` is set (CI and other non-terminal output).
 * `beforeWrite` clears a live progress line first.
 */
export function liveTable(
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  o: { readonly heartbeat: boolean; readonly beforeWrite?: () => void; readonly now?: () => number },
): LiveTable {
  const now = o.now ?? Date.now;
  let widths: number[] = [];
  let last = now();
  let unit = { label: '', cases: 0, since: now() };
  const write = (line: string): void => {
    o.beforeWrite?.();
    out.write(`${line}\n`);
    last = now();
  };
  const format = (cells: readonly string[]): string =>
    cells
      .map((c, j) => (j >= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const timer = o.heartbeat
    ? setInterval(() => {
        const t = now();
        if (t - last < HEARTBEAT_MS || unit.label === '') return;
        err.write(`rnn-jac-spec: still running ${unit.label}: ${unit.cases} cases in ${formatDuration(t - unit.since)}\n`);
        last = t;
      }, 1000)
    : undefined;
  timer?.unref();
  return {
    start(plan, extra) {
      const rules = new Map(specDocument().properties.map((p) => [p.id, p.rule]));
      const titles = [...COLUMNS];
      const cells = plan.units.map((u) => [u.property, rules.get(u.property) ?? u.property, tableTarget(u.target)]);
      widths = titles.map((t, j) => Math.max(t.length, ...(j < 3 ? cells.map((c) => c[j].length) : [FIXED[j - 3]])));
      write(adapterLine({ name: plan.name, ...(plan.info !== undefined ? { info: plan.info } : {}) }));
      if (extra !== '') write(extra);
      write('');
      write(format(titles));
    },
    row(r) {
      write(format(tableRow(r)));
    },
    progress(label, cases) {
      if (label !== unit.label) unit = { label, cases, since: now() };
      else unit.cases = cases;
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
