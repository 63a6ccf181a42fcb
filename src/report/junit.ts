/**
 * The JUnit XML report, in the common dialect GitHub (test reporter actions), GitLab and Jenkins
 * read: a root `<testsuites>`, one `<testsuite>` per target, one `<testcase>` per property result.
 * @packageDocumentation
 */
import type { PropertyResult, RunResult } from '../result.js';
import { expectationNote } from '../expectations/applyExpectations.js';
import { failsRun } from '../runner/summarize.js';
import { budgetNote } from './budgetNote.js';
import { describeFailure } from './describeFailure.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escapeXml.js';
import { targetLabel, targetParts } from './targetLabel.js';
import { notDeclaredLines } from './notDeclaredText.js';

/** Verdict counts and time of a group of results, as the JUnit attributes want them. */
interface Counts {
  readonly tests: number;
  readonly failures: number;
  /** Failing results whose case threw or timed out: JUnit `<error>`s (no verdict on the values). */ readonly errors: number;
  readonly skipped: number;
  readonly ms: number;
}

/** Milliseconds as JUnit seconds (`0.123`); 0 for a negative or non-finite duration. */
function seconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

/** Counts verdicts and sums durations. */
function count(results: readonly PropertyResult[]): Counts {
  const failing = results.filter(failsRun);
  return {
    tests: results.length,
    failures: failing.filter((r) => !isError(r)).length,
    errors: failing.filter(isError).length,
    skipped: results.filter((r) => r.verdict === 'not-applicable' || r.expectation?.outcome === 'expected-failure').length,
    ms: results.reduce((s, r) => s + (Number.isFinite(r.durationMs) && r.durationMs > 0 ? r.durationMs : 0), 0),
  };
}

/** The count attributes shared by `<testsuites>` and `<testsuite>`. */
function countAttributes(c: Counts, ms: number, runErrors = 0): string {
  return `tests="${c.tests + runErrors}" failures="${c.failures}" errors="${c.errors + runErrors}" skipped="${c.skipped}" time="${seconds(ms)}"`;
}

/**
 * Whether a failing result is a JUnit error rather than a failure: its case threw or timed out (the
 * adapter gave no value to judge), as JUnit tools use `<error>` for a test that broke and `<failure>`
 * for an assertion that did not hold.
 */
function isError(r: PropertyResult): boolean {
  const kind = r.counterexample?.failure.kind;
  return r.verdict === 'fail' && r.expectation === undefined && (kind === 'threw' || kind === 'timeout');
}

/**
 * What went wrong with the run itself rather than a property: adapter faults outside any case, and
 * an interruption. Each is an `<error>`, the JUnit word for a test that could not give a verdict.
 */
function runErrors(result: RunResult): { name: string; type: string; message: string }[] {
  return [
    ...(result.faults ?? []).map((f) => ({ name: `fault (${f.during})`, type: 'fault', message: f.message })),
    ...(result.interrupted === true
      ? [{ name: 'interrupted', type: 'interrupted', message: 'the run was interrupted: this report holds the units that ended' }]
      : []),
  ];
}

/**
 * The JUnit class name of a result: `rnn-jac-spec.<adapter>.<backend>.<variant>.<dtype>`, with
 * `default` for a missing backend or variant. Dots inside a part become `_` so that CI tools,
 * which split class names at dots, keep the four levels.
 * @param r - the property result
 * @returns the class name
 */
export function junitClassName(r: PropertyResult): string {
  return ['rnn-jac-spec', ...targetParts(r.target).map((p) => p.replace(/\./g, '_'))].join('.');
}

/** Groups results by target, in order of first appearance. */
function byTarget(results: readonly PropertyResult[]): Map<string, PropertyResult[]> {
  const groups = new Map<string, PropertyResult[]>();
  for (const r of results) {
    const key = targetLabel(r.target);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** `<property>` elements describing the run, so a CI page shows what was tested. */
function properties(result: RunResult): string[] {
  const info = result.adapter.info;
  const o = result.options;
  const entries: [string, string | number | undefined][] = [
    ['adapter', result.adapter.spec],
    ['framework', info?.framework],
    ['framework.version', info?.version],
    ['framework.backend', info?.backend],
    ['device', info?.device],
    ['seed', o.seed],
    ['runs', o.runs],
    ['max-n', o.maxN],
    ['max-t', o.maxT],
    ['spec.version', result.tool.specVersion],
    ['tool.version', result.tool.version],
    ['not-declared', notDeclaredLines(result.notDeclared).join('; ') || undefined],
  ];
  const lines = entries
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `      <property name="${attr(k)}" value="${attr(String(v))}"/>`);
  return ['    <properties>', ...lines, '    </properties>'];
}

/** One `<testcase>` element. */
function testcase(r: PropertyResult, runs: number): string[] {
  const open = `    <testcase classname="${attr(junitClassName(r))}" name="${attr(`${r.property} (${r.rule})`)}" time="${seconds(r.durationMs)}"`;
  const body: string[] = [];
  const note = expectationNote(r);
  if (r.expectation?.outcome === 'expected-failure') {
    // An expected failure is reported as skipped (as pytest reports xfail), with the failure as output.
    body.push(`      <skipped message="${attr(note!)}">${text(describeFailure(r))}</skipped>`);
  } else if (r.expectation?.outcome === 'unexpected-pass') {
    body.push(`      <failure message="${attr(note!)}" type="unexpected-pass">${text(note!)}</failure>`);
  } else if (r.expectation?.outcome === 'unexpected-failure') {
    body.push(`      <failure message="${attr(note!)}" type="unexpected-failure">${text(`${note!}\n${describeFailure(r)}`)}</failure>`);
  } else if (r.verdict === 'fail') {
    const f = r.counterexample?.failure;
    const message = f?.summary ?? 'failed';
    const element = isError(r) ? 'error' : 'failure';
    body.push(`      <${element} message="${attr(message)}" type="${attr(f?.kind ?? 'fail')}">${text(describeFailure(r))}</${element}>`);
  } else if (r.verdict === 'not-applicable') {
    body.push(`      <skipped message="${attr(r.reason ?? 'not applicable')}"/>`);
  }
  const out = [budgetNote(r, runs), ...(r.observations ?? [])].filter((l): l is string => l !== undefined);
  if (out.length > 0) body.push(`      <system-out>${text(out.join('\n'))}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

/**
 * Renders the JUnit XML report: UTF-8, XML 1.0, one `<testsuite>` per target (adapter, backend,
 * variant, dtype), one `<testcase>` per property result. A failing result carries `<failure>` with
 * the text of {@link describeFailure}; a not-applicable one `<skipped>` with its reason. Adapter
 * faults outside any case and an interruption are `<error>`s of a last suite, `rnn-jac-spec run`.
 * @param result - the run
 * @returns the XML document, with a trailing newline
 */
export function renderJunit(result: RunResult): string {
  const total = count(result.results);
  const errors = runErrors(result);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rnn-jac-spec" ${countAttributes(total, Math.max(total.ms, Number.isFinite(result.durationMs) ? result.durationMs : 0), errors.length)}>`,
  ];
  for (const [label, group] of byTarget(result.results)) {
    const c = count(group);
    lines.push(
      `  <testsuite name="${attr(`rnn-jac-spec ${label}`)}" ${countAttributes(c, c.ms)} timestamp="${attr(result.startedAt)}">`,
      ...properties(result),
      ...group.flatMap((r) => testcase(r, result.options.runs)),
      '  </testsuite>',
    );
  }
  if (errors.length > 0) {
    lines.push(
      `  <testsuite name="rnn-jac-spec run" ${countAttributes({ tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 }, 0, errors.length)} timestamp="${attr(result.startedAt)}">`,
      ...properties(result),
      ...errors.flatMap((e) => [
        `    <testcase classname="rnn-jac-spec.run" name="${attr(e.name)}" time="0.000">`,
        `      <error message="${attr(e.message)}" type="${e.type}">${text(e.message)}</error>`,
        '    </testcase>',
      ]),
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
