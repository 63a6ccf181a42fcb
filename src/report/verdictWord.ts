import type { PropertyResult } from '../result.js';

/**
 * A result's verdict in one word, as the console and HTML reports show it: PASS, FAIL or n/a, and
 * XFAIL / XPASS where an expectation file expects a failure (as pytest has them); a failure other
 * than the one expected is FAIL.
 * @param r - a property result
 */
export function verdictWord(r: PropertyResult): 'PASS' | 'FAIL' | 'n/a' | 'XFAIL' | 'XPASS' {
  if (r.expectation?.outcome === 'expected-failure') return 'XFAIL';
  if (r.expectation?.outcome === 'unexpected-pass') return 'XPASS';
  if (r.verdict === 'not-applicable') return 'n/a';
  return r.verdict === 'pass' ? 'PASS' : 'FAIL';
}
