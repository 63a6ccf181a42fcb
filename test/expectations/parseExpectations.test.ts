import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExpectationsError, loadExpectations, parseExpectations } from '../../src/expectations/parseExpectations.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { FAILURE_KINDS } from '../../src/result.js';

const parse = (doc: unknown) => parseExpectations(JSON.stringify(doc), 'known.json', PROPERTY_IDS);

describe('parseExpectations', () => {
  it('reads entries, turning a single name into a list and leaving missing selectors out', () => {
    expect(
      parse({
        expectations: [{ property: 'step-jacobian', variant: ['jacfwd', 'jit-jacfwd'], dtype: 'float32', reason: 'transposed (#1)' }, { reason: 'all of it' }],
      }),
    ).toEqual([{ property: ['step-jacobian'], variant: ['jacfwd', 'jit-jacfwd'], dtype: ['float32'], reason: 'transposed (#1)' }, { reason: 'all of it' }]);
    expect(parse({ $schema: 'x', description: 'jax-js 0.1.25', expectations: [] })).toEqual([]);
  });

  it('reads the pins kind and diagnosis, a name or a list', () => {
    expect(
      parse({
        expectations: [
          { property: 'step-jacobian', kind: 'mismatch', diagnosis: ['transposed-jacobian', 'transpose-W'], reason: 'r' },
          { kind: ['threw', 'wrong-shape'], reason: 's' },
        ],
      }),
    ).toEqual([
      { property: ['step-jacobian'], kind: ['mismatch'], diagnosis: ['transposed-jacobian', 'transpose-W'], reason: 'r' },
      { kind: ['threw', 'wrong-shape'], reason: 's' },
    ]);
  });

  it('ignores a UTF-8 byte order mark at the start of the file', () => {
    expect(parseExpectations(`\uFEFF${JSON.stringify({ expectations: [{ dtype: 'float64', reason: 'r' }] })}`, 'known.json', PROPERTY_IDS)).toEqual([
      { dtype: ['float64'], reason: 'r' },
    ]);
  });

  it.each([
    ['not JSON', '{', /known\.json: not valid JSON/],
    ['no list', '{"expected": []}', /needs an object with an "expectations" array/],
    ['a top-level typo', '{"expectations": [], "expectation": []}', /unknown top-level key "expectation"/],
    ['an entry that is not an object', '{"expectations": [1]}', /expectations\[0\] must be an object/],
    ['no reason', '{"expectations": [{"property": "forward"}]}', /expectations\[0\] needs a "reason"/],
    ['a blank reason', '{"expectations": [{"reason": "  "}]}', /needs a "reason"/],
    [
      'a misspelt selector',
      '{"expectations": [{"reason": "r", "varaint": "jacfwd"}]}',
      /unknown key "varaint"; the selectors are property, adapter, backend, variant, dtype, the pins kind, diagnosis/,
    ],
    [
      'an unknown dtype',
      '{"expectations": [{"reason": "r", "dtype": ["float64", "float16"]}]}',
      /expectations\[0\]\.dtype has unknown dtype "float16" \(allowed: float32, float64\)/,
    ],
    [
      'an unknown kind',
      '{"expectations": [{"reason": "r", "kind": "shape"}]}',
      new RegExp(`expectations\\[0\\]\\.kind has unknown kind "shape" \\(allowed: ${FAILURE_KINDS.join(', ')}\\)`),
    ],
    [
      'an empty diagnosis',
      '{"expectations": [{"reason": "r", "diagnosis": ["inaccurate", ""]}]}',
      /expectations\[0\]\.diagnosis must be a name or a non-empty array of names/,
    ],
    ['a blank diagnosis', '{"expectations": [{"reason": "r", "diagnosis": " "}]}', /expectations\[0\]\.diagnosis must be a name/],
    [
      'a diagnosis that is not a string',
      '{"expectations": [{"reason": "r", "diagnosis": {"id": "inaccurate"}}]}',
      /expectations\[0\]\.diagnosis must be a name/,
    ],
    ['an empty diagnosis list', '{"expectations": [{"reason": "r", "diagnosis": []}]}', /expectations\[0\]\.diagnosis must be a name/],
    ['a byte order mark that is not at the start', ' \uFEFF{"expectations": []}', /not valid JSON/],
    ['an empty list', '{"expectations": [{"reason": "r", "dtype": []}]}', /expectations\[0\]\.dtype must be a name or a non-empty array of names/],
    ['a number', '{"expectations": [{"reason": "r", "backend": 3}]}', /expectations\[0\]\.backend must be a name/],
    ['an unknown property', '{"expectations": [{"reason": "r", "property": ["forward", "step-jacobain"]}]}', /names no property of the spec: step-jacobain/],
  ])('rejects %s, naming the file and showing the format', (_what, text, message) => {
    expect(() => parseExpectations(text, 'known.json', PROPERTY_IDS)).toThrow(ExpectationsError);
    expect(() => parseExpectations(text, 'known.json', PROPERTY_IDS)).toThrow(message);
    expect(() => parseExpectations(text, 'known.json', PROPERTY_IDS)).toThrow(/An expectation file looks like: \{"expectations"/);
  });

  it('loads a file, and says so when it cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rjs-expect-'));
    try {
      await writeFile(join(dir, 'k.json'), '{"expectations": [{"reason": "r", "adapter": "tfjs"}]}');
      expect(await loadExpectations(join(dir, 'k.json'), PROPERTY_IDS)).toEqual([{ reason: 'r', adapter: ['tfjs'] }]);
      await writeFile(join(dir, 'bom.json'), '\uFEFF{"expectations": [{"reason": "r", "kind": "threw"}]}', 'utf8');
      expect(await loadExpectations(join(dir, 'bom.json'), PROPERTY_IDS)).toEqual([{ reason: 'r', kind: ['threw'] }]);
      await expect(loadExpectations(join(dir, 'missing.json'), PROPERTY_IDS)).rejects.toThrow(/cannot read the expectation file .*missing\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
