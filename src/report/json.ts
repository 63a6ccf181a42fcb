import type { RunResult } from '../result.js';
import { jsonReplacer } from './jsonReplacer.js';

/**
 * Renders the JSON report (specs/report.schema.json): the {@link RunResult} itself, indented by two
 * spaces, with a trailing newline. Non-finite numbers become the strings `"NaN"`, `"Infinity"` and
 * `"-Infinity"`; properties whose value is `undefined` (e.g. a target without backend) are omitted.
 * @param result - the run
 * @returns the report text
 */
export function renderJson(result: RunResult): string {
  return `${JSON.stringify(result, jsonReplacer, 2)}\n`;
}
