import type { PropertyResult } from '../runner/result.js';

/**
 * A result's verdict in one word, as the console and HTML reports show it: PASS, FAIL or n/a, and
 * XFAIL / XPASS where an expectation file speaks of it (as pytest has them).
 * @param r - a property result
 */
export function verdictWord(r: PropertyResult): 'PASS' | 'FAIL' | 'n/a' | 'XFAIL' | 'XPASS' {
  if (r.expectation !== undefined) return r.expectation.outcome === 'expected-failure' ? 'XFAIL' : 'XPASS';
  if (r.verdict === 'not-applicable') return 'n/a';
  return r.verdict === 'pass' ? 'PASS' : 'FAIL';
}
