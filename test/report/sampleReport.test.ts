/**
 * The report tests' sample (fixtures/sample/rnn-jac-spec.json) is what the runner produces: the schema
 * accepts it, its rule IDs and titles are the spec's, its replay lines parse with the CLI's own option
 * parser back to their unit and case, every counterexample is out of tolerance, and a fresh run of
 * fixtures/generate-sample.mjs gives the same report, timings and the stack frames below the
 * adapter's aside. It also holds every feature the report tests read from it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../src/cli/cliOptions.js';
import { renderJson } from '../../src/report/json.js';
import { validateReport } from '../../src/report/validateReport.js';
import type { PropertyResult, RunResult } from '../../src/result.js';
import { ensureBuilt, ROOT, removeReportDirs, reportDir } from '../cli/harness.js';
import { minimalResult, NASTY, parseReport, SAMPLE_REPORT, sampleResult } from './sampleResult.js';

const GENERATOR = join(ROOT, 'test', 'report', 'fixtures', 'generate-sample.mjs');
const REGENERATE = 'regenerate it: npm run build && node test/report/fixtures/generate-sample.mjs';

const schema = JSON.parse(readFileSync(join(ROOT, 'specs', 'report.schema.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(ROOT, 'specs', 'spec.json'), 'utf8')) as { properties: { id: string; rule: string; title: string }[] };
// ajv is CommonJS; under NodeNext its class is the `default` of the module object.
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
const validate = ajv.compile(schema);

/** The words of a command line as a POSIX shell splits it (plain words and '…' quoting, as replayCommand writes them). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** What a fresh run may change: timings, and the stack frames below the adapter's (the runner's own code, Node's). */
function comparable(r: RunResult): unknown {
  return {
    ...r,
    startedAt: undefined,
    durationMs: undefined,
    results: r.results.map((x) => ({
      ...x,
      durationMs: undefined,
      ...(x.counterexample !== undefined
        ? {
            counterexample: { ...x.counterexample, failure: { ...x.counterexample.failure, stack: x.counterexample.failure.stack?.split('\n')[0] } },
          }
        : {}),
    })),
  };
}

/** A label for assertion messages. */
const label = (x: PropertyResult): string => `${x.property} ${x.target.dtype}`;

describe("the report tests' sample", () => {
  const text = readFileSync(SAMPLE_REPORT, 'utf8');
  const sample = sampleResult();
  const failing = sample.results.filter((x) => x.verdict === 'fail');

  it('is a report the schema and validateReport accept, written as renderJson writes it', () => {
    const raw = JSON.parse(text);
    expect(validate(raw) ? '' : ajv.errorsText(validate.errors)).toBe('');
    expect(() => validateReport(raw)).not.toThrow();
    expect(renderJson(sample)).toBe(text);
    expect(validate(JSON.parse(renderJson(minimalResult()))) ? '' : ajv.errorsText(validate.errors)).toBe('');
  });

  it("has the spec's rule ID and title for each property, in the sample and the minimal result", () => {
    for (const x of [...sample.results, ...minimalResult().results]) {
      const p = spec.properties.find((q) => q.id === x.property);
      expect(p, x.property).toBeDefined();
      expect([x.rule, x.title], x.property).toEqual([p!.rule, p!.title]);
    }
  });

  it("has replay lines that the CLI's option parser reads back to their unit and case", () => {
    expect(failing.length).toBeGreaterThan(0);
    for (const x of failing) {
      const ce = x.counterexample!;
      const [npx, tool, ...argv] = shellWords(ce.replay);
      expect([npx, tool], ce.replay).toEqual(['npx', 'rnn-jac-spec']);
      const o = parseCliOptions(argv);
      expect({ ...o, opts: undefined }, ce.replay).toMatchObject({
        mode: 'run',
        adapter: sample.adapter.spec,
        backend: x.target.backend,
        variant: x.target.variant,
        dtype: x.target.dtype,
        properties: [x.property],
        seed: ce.seed,
        path: ce.path,
        runs: sample.options.runs,
        maxN: sample.options.maxN,
        maxT: sample.options.maxT,
        timeoutMs: sample.options.timeoutMs,
      });
      expect(ce.seed).toBe(sample.options.seed);
    }
  });

  it('holds maxRatio over passing cases only (≤ 1, RJS-RUN-4) and failures that are out of tolerance', () => {
    for (const x of sample.results) expect(x.maxRatio >= 0 && x.maxRatio <= 1, `${label(x)}: maxRatio ${x.maxRatio}`).toBe(true);
    for (const x of failing) {
      const { failure, path, shrinks } = x.counterexample!;
      expect(path.split(':'), `${label(x)}: the path is the case index and one step per shrink`).toHaveLength(shrinks + 1);
      if (failure.kind === 'mismatch') {
        expect(failure.worst!.error, label(x)).toBeGreaterThan(failure.worst!.tolerance);
        const { expected, actual, tolerance } = failure;
        expect(
          expected!.values.some((e, i) => Math.abs(actual!.values[i] - e) > tolerance!.values[i]),
          label(x),
        ).toBe(true);
      } else if (failure.kind === 'non-finite') {
        expect(failure.summary, label(x)).toMatch(/is (-?Infinity|NaN) \(the result must be finite\)$/);
      } else {
        expect(failure.kind, label(x)).toBe('threw');
        expect(failure.stack?.split('\n')[0], label(x)).toMatch(/^at .*\(file:\/\/test\/report\/fixtures\/sample-adapter\.mjs:\d+:\d+\)$/);
      }
    }
  });

  it('holds what the report tests read: two targets, a pass with observations, n/a, each failure kind, a diagnosis, a matrix past 8×8, a shrink stopped early, escaped adapter text', () => {
    expect(new Set(sample.results.map((x) => x.target.dtype))).toEqual(new Set(['float64', 'float32']));
    expect(sample.results.some((x) => x.verdict === 'pass' && (x.observations?.length ?? 0) > 0)).toBe(true);
    expect(sample.results.some((x) => x.verdict === 'not-applicable' && x.reason !== undefined)).toBe(true);
    expect(new Set(failing.map((x) => x.counterexample!.failure.kind))).toEqual(new Set(['mismatch', 'threw', 'non-finite']));
    expect(failing.some((x) => x.counterexample!.failure.diagnosis !== undefined && x.counterexample!.case.n === 2)).toBe(true);
    expect(failing.some((x) => (x.counterexample!.failure.expected?.rows ?? 0) > 8)).toBe(true);
    expect(failing.some((x) => x.counterexample!.shrinkStopped === 'max-shrinks')).toBe(true);
    const escaped = NASTY.replace('\u0007', '\\u0007');
    expect(sample.adapter.info?.notes).toBe(`note ${escaped}`);
    expect(failing.some((x) => x.counterexample!.failure.summary.endsWith(escaped))).toBe(true);
  });

  describe('against a fresh run', () => {
    let fresh: RunResult;
    beforeAll(() => {
      ensureBuilt();
      const dir = reportDir();
      const r = spawnSync(process.execPath, [GENERATOR, dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      fresh = parseReport(readFileSync(join(dir, 'rnn-jac-spec.json'), 'utf8'));
    });
    afterAll(removeReportDirs);

    it('is what fixtures/generate-sample.mjs writes now, timings and the stack below the adapter aside', () => {
      expect(comparable(sample), `the committed sample differs from what the runner produces: ${REGENERATE}`).toEqual(comparable(fresh));
    });
  });
});
