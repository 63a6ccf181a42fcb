import type { PropertyResult } from '../result.js';

/**
 * "stopped at the time budget after 37 of 100 cases" for a unit whose generation stopped at its time
 * budget (`--time-budget`, `--unit-time-budget`), else undefined: one wording for every report.
 */
export function budgetNote(r: PropertyResult, runs: number): string | undefined {
  return r.stoppedAtBudget === true ? `stopped at the time budget after ${r.cases} of ${runs} cases` : undefined;
}
