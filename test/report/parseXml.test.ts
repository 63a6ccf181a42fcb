import { describe, it, expect } from 'vitest';
import { parseXml } from './parseXml.js';

// The JUnit tests rely on this checker; make sure it rejects what it should.
describe('parseXml (test helper)', () => {
  it('parses elements, attributes and entities', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; &#10;"><b/>t&lt;</a>\n');
    expect(root.attributes.x).toBe('1 & \n');
    expect(root.children.map((c) => c.name)).toEqual(['b']);
    expect(root.text).toBe('t<');
  });

  it.each([['<a>&</a>'], ['<a><b></a>'], ['<a x=1/>'], ['<a x="<"/>'], ['<a>\u0007</a>'], ['<a>&#7;</a>'], ['<a/><b/>'], ['<a>'], ['<a>x > y</a>']])(
    'rejects %j',
    (xml) => {
      expect(() => parseXml(xml)).toThrow();
    },
  );
});
