/**
 * Checks a parsed JSON value against specs/report.schema.json, so that a command reading reports
 * (`rnn-jac-spec merge`) refuses a malformed one with a message that names the field, instead of
 * failing later on a missing member.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { RunResult } from '../result.js';
import { packageRoot } from '../spec/packageRoot.js';

/** The report version this rnn-jac-spec reads and writes. */
export const REPORT_VERSION = 2;

/** A value that is not a report of {@link REPORT_VERSION}: the message (one line) says where and what. */
export class InvalidReportError extends Error {
  override readonly name = 'InvalidReportError';
}

let compiled: ValidateFunction | undefined;

/** The schema's validator, compiled on first use (a CLI run that reads no report never pays for it). */
function validator(): ValidateFunction {
  if (compiled !== undefined) return compiled;
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'specs', 'report.schema.json'), 'utf8')) as object;
  // ajv is CommonJS; under NodeNext its class is the `default` of the module object. Strict, so that
  // a schema ajv would only half understand fails to compile rather than logging to the console.
  const ajv = new Ajv2020.default({ strict: true, allErrors: false, verbose: true });
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)));
  compiled = ajv.compile(schema);
  return compiled;
}

/** The kind of a JSON value, in words. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v.length > 40 ? 'a string' : JSON.stringify(v);
  return String(v);
}

const ARTICLE: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

/** A JSON pointer's reference token for one member name (RFC 6901). */
function token(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** What one ajv error asks of the value at its path, without the path ("must be an integer (got 1.5)"). */
function requirement(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const got = ` (got ${kindOf(e.data)})`;
  switch (e.keyword) {
    case 'type':
      return `must be ${String(p.type)
        .split(',')
        .map((t) => ARTICLE[t] ?? t)
        .join(' or ')}${got}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}${got}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}${got}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'} (got ${(e.data as unknown[]).length})`;
    case 'maxItems':
      return `must have at most ${String(p.limit)} items (got ${(e.data as unknown[]).length})`;
    case 'minLength':
      return `must have at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`;
    case 'format':
      return `must be a ${String(p.format)}${got}`;
    case 'false schema':
      return 'is not allowed here';
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

/**
 * The first of ajv's errors in plain words, led by the JSON pointer of the value it is about. A
 * failed `anyOf` (the non-finite numbers of `$defs/number`) is said as its branches joined by "or".
 */
function describe(errors: readonly ErrorObject[]): string {
  const first = errors[0];
  if (first === undefined) return 'the report does not match the report format';
  const at = (path: string): string => (path === '' ? 'the report' : path);
  if (first.keyword === 'required') return `${first.instancePath}/${token(String(first.params.missingProperty))} is missing`;
  if (first.keyword === 'additionalProperties')
    return `${first.instancePath}/${token(String(first.params.additionalProperty))} is not a member of the report format`;
  // ajv lists the errors of an anyOf's branches first, then the anyOf itself.
  const anyOf = errors.find((e) => e.keyword === 'anyOf' && e.instancePath === first.instancePath && first.schemaPath.startsWith(`${e.schemaPath}/`));
  if (anyOf !== undefined) {
    const branches = errors.filter((e) => e !== anyOf && e.instancePath === first.instancePath && e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
    const words = branches.map((e) =>
      requirement(e)
        .replace(/ \(got [^)]*\)$/, '')
        .replace(/^must be /, ''),
    );
    return `${at(first.instancePath)} must be ${words.join(' or ')} (got ${kindOf(first.data)})`;
  }
  return `${at(first.instancePath)} ${requirement(first)}`;
}

/**
 * Checks that `value` (a parsed JSON report) is a report of {@link REPORT_VERSION} as
 * specs/report.schema.json describes it. A report of another version is refused before the schema
 * is applied, with a message saying which rnn-jac-spec wrote it.
 * @param value - the parsed JSON
 * @returns `value`, typed
 * @throws InvalidReportError with a one-line message: the JSON pointer of the first offending value
 *   and what it must be (e.g. `/options is missing`, `/results/0 must be an object (got null)`)
 */
export function validateReport(value: unknown): RunResult {
  const version = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { reportVersion?: unknown }).reportVersion : undefined;
  if (typeof version === 'number' && version !== REPORT_VERSION) {
    throw new InvalidReportError(
      version < REPORT_VERSION
        ? `reportVersion ${version} is from an older rnn-jac-spec (this one reads version ${REPORT_VERSION}): the report must be regenerated, by running again with this rnn-jac-spec`
        : `reportVersion ${version} is from a newer rnn-jac-spec (this one reads version ${REPORT_VERSION}): use the rnn-jac-spec that wrote it`,
    );
  }
  const validate = validator();
  if (!validate(value)) throw new InvalidReportError(describe(validate.errors ?? []));
  return value as RunResult;
}
