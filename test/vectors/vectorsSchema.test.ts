/**
 * specs/vectors.schema.json and specs/vectors-index.schema.json: every committed file validates; the
 * schemas' enumerations are those of the one source of each (the activation catalogue, the spec's
 * forms, the golden files' rules); what JSON Schema cannot say (array lengths from n, m and T,
 * `expected` and `tolerance` of rows × cols entries) holds for every vector; and the schema refuses a
 * vector that lacks a field its rule needs.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/activation/activations.js';
import { specDocument } from '../../src/spec/specDocument.js';
import { GOLDEN_FILE_DEFS, GOLDEN_FILES, type GoldenFileName } from '../../src/vectors/goldenFiles.js';
import { GOLDEN_FORMAT_VERSION, type GoldenFile } from '../../src/vectors/goldenVectors.js';
import { committedFile, committedIndex, readJson } from './committedVectors.js';

/** A node of a JSON Schema document: the checks below walk $defs and allOf branches by name. */
// biome-ignore lint/suspicious/noExplicitAny: schema nodes are arbitrary JSON, read member by member
type SchemaNode = any;
type Schema = { $id: string; $defs: Record<string, SchemaNode>; properties: Record<string, SchemaNode>; allOf: SchemaNode[] };
const schema = readJson<Schema>('specs', 'vectors.schema.json');
const indexSchema = readJson<Schema>('specs', 'vectors-index.schema.json');
const ajv = new Ajv2020.default({ strict: true, allErrors: true });
const validate = ajv.compile(schema);
const validateIndex = ajv.compile(indexSchema);

/** Expected length of each case array, from the case's sizes. */
function lengths(c: Record<string, number>): Record<string, number> {
  const { n, m, T } = c;
  return { W: n * n, U: n * m, u: m, x: n, b: n, v: n, w: n, x0: n, us: T * m, cs: T * n };
}

/** Expected rows × cols of each output of a file. */
function shapes(file: GoldenFileName, c: Record<string, number>): Record<string, [number, number]> {
  const { n, m, T } = c;
  switch (file) {
    case 'step-jacobian':
    case 'sequence-jacobian':
      return { J: [n, n] };
    case 'input-jacobian':
      return { J: [n, m] };
    case 'parameter-gradients':
      return { W: [n, n], U: [n, m], b: [n, 1], x0: [n, 1] };
    case 'forward':
      return { states: [T, n] };
    case 'vjp':
      return { vjp: [n, 1] };
    case 'jvp':
      return { jvp: [n, 1] };
  }
}

describe('golden vector schemas', () => {
  it('have absolute $ids, so that every $ref resolves in any validator', () => {
    expect(schema.$id).toBe('urn:rnn-jac-spec:vectors:2');
    expect(indexSchema.$id).toBe('urn:rnn-jac-spec:vectors-index:2');
  });

  it('validate every committed file and index.json; index.json lists each file by path with its property, rule and count', () => {
    const index = committedIndex();
    expect(validateIndex(index), ajv.errorsText(validateIndex.errors)).toBe(true);
    expect(index.version).toBe(GOLDEN_FORMAT_VERSION);
    expect(index.specVersion).toBe(specDocument().specVersion);
    expect(Object.keys(index.files)).toEqual([...GOLDEN_FILES]);
    for (const name of GOLDEN_FILES) {
      const f = committedFile(name);
      expect(validate(f), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(index.files[name]).toEqual({ path: `${name}.json`, property: f.property, rule: f.rule, vectors: f.vectors.length });
      expect([f.property, f.rule]).toEqual([GOLDEN_FILE_DEFS[name].property, GOLDEN_FILE_DEFS[name].rule]);
    }
  });

  it("enumerate the catalogue activations (alpha exactly where the activation takes one), the spec's forms and the files' rules", () => {
    const [withAlpha, without] = schema.$defs.activation.oneOf as { properties: { name: { enum: string[] } } }[];
    const names = Object.values(activations);
    expect(withAlpha.properties.name.enum).toEqual(names.filter((a) => a.hasAlpha).map((a) => a.name));
    expect(without.properties.name.enum).toEqual(names.filter((a) => !a.hasAlpha).map((a) => a.name));
    expect(schema.$defs.form.enum).toEqual(specDocument().forms.map((f) => f.name));
    expect(schema.properties.rule.enum).toEqual(GOLDEN_FILES.map((f) => GOLDEN_FILE_DEFS[f].rule));
    expect(schema.properties.property.enum).toEqual([...new Set(GOLDEN_FILES.map((f) => GOLDEN_FILE_DEFS[f].property))]);
    // Each rule selects its file's property and vector schema, whose case has exactly the file's fields.
    for (const [k, name] of GOLDEN_FILES.entries()) {
      const branch = schema.allOf[k];
      expect(branch.if.properties.rule.const).toBe(GOLDEN_FILE_DEFS[name].rule);
      expect(branch.then.properties.property.const).toBe(GOLDEN_FILE_DEFS[name].property);
      const vector = schema.$defs[branch.then.properties.vectors.items.$ref.replace('#/$defs/', '')];
      const kase = schema.$defs[vector.properties.case.$ref.replace('#/$defs/', '')];
      expect(kase.required).toEqual([...GOLDEN_FILE_DEFS[name].fields]);
      expect(vector.properties.outputs.required).toEqual(Object.keys(GOLDEN_FILE_DEFS[name].outputs));
    }
  });

  it.each(GOLDEN_FILES)('%s: every array has the length its sizes give, every output rows × cols entries of the right shape', (name) => {
    for (const v of committedFile(name).vectors) {
      const c = v.case as Record<string, number>;
      for (const [k, len] of Object.entries(lengths(c))) if (k in v.case) expect((v.case[k] as number[]).length, `${v.id} ${k}`).toBe(len);
      for (const [o, [rows, cols]] of Object.entries(shapes(name, c))) {
        const out = v.outputs[o];
        expect([out.rows, out.cols], `${v.id} ${o}`).toEqual([rows, cols]);
        expect([out.expected.length, out.tolerance.length], `${v.id} ${o}`).toEqual([rows * cols, rows * cols]);
      }
    }
  });

  it('refuse a vector without a field its rule needs, with an unknown activation, or with a stray field', () => {
    const broken = (name: GoldenFileName, edit: (c: Record<string, unknown>, f: GoldenFile) => void): boolean => {
      const f = structuredClone(committedFile(name));
      edit(f.vectors[0].case, f);
      return validate(f);
    };
    expect(broken('step-jacobian', (c) => delete c.x)).toBe(false);
    expect(broken('sequence-jacobian', (c) => delete c.T)).toBe(false);
    expect(broken('forward', (c) => delete c.us)).toBe(false);
    expect(broken('parameter-gradients', (c) => delete c.cs)).toBe(false);
    expect(broken('vjp', (c) => delete c.v)).toBe(false);
    expect(broken('vjp', (c) => (c.w = c.v))).toBe(false);
    expect(broken('step-jacobian', (c) => (c.activation = { name: 'swish' }))).toBe(false);
    expect(broken('step-jacobian', (c) => (c.activation = { name: 'elu' }))).toBe(false);
    expect(broken('step-jacobian', (c) => (c.n = 1))).toBe(false);
    expect(broken('step-jacobian', (_c, f) => delete (f.vectors[0].outputs as Record<string, unknown>).J)).toBe(false);
    expect(broken('step-jacobian', (_c, f) => ((f as { property: string }).property = 'forward'))).toBe(false);
    expect(broken('step-jacobian', () => undefined)).toBe(true);
  });
});
