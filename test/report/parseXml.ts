/**
 * A tiny, strict XML 1.0 parser for the tests: enough to prove the JUnit report well-formed
 * (balanced tags, quoted attributes, only known entities, no forbidden characters) without a
 * dependency. No DTDs, comments, CDATA or processing instructions other than the declaration.
 */

/** A parsed element. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const ATTR = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Decodes entity and character references; throws on a bare `&`. */
function decode(s: string): string {
  return s.replace(/&([^;]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new Error(`bare & in ${JSON.stringify(s)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref];
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref};`);
    const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
    if (FORBIDDEN.test(String.fromCodePoint(code))) throw new Error(`forbidden character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

/** Parses a document; throws with a reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('forbidden character');
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    const raw = xml.slice(i, textEnd);
    if (raw.includes('>')) throw new Error(`raw > in text near ${i}`);
    if (stack.length > 0) stack[stack.length - 1].text += decode(raw);
    else if (raw.trim() !== '') throw new Error('text outside the root element');
    if (lt < 0) break;
    const close = new RegExp(`</(${NAME})\\s*>`, 'y');
    close.lastIndex = lt;
    const c = close.exec(xml);
    if (c) {
      const open = stack.pop();
      if (!open || open.name !== c[1]) throw new Error(`</${c[1]}> does not close <${open?.name}>`);
      i = close.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, 'y');
    start.lastIndex = lt;
    const s = start.exec(xml);
    if (!s) throw new Error(`bad markup near ${lt}: ${xml.slice(lt, lt + 20)}`);
    const el: XmlElement = { name: s[1], attributes: {}, children: [], text: '' };
    let j = start.lastIndex;
    for (;;) {
      ATTR.lastIndex = j;
      const a = ATTR.exec(xml);
      if (!a) break;
      if (a[1] in el.attributes) throw new Error(`duplicate attribute ${a[1]}`);
      el.attributes[a[1]] = decode(a[2] ?? a[3]);
      j = ATTR.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = j;
    const e = end.exec(xml);
    if (!e) throw new Error(`bad tag <${el.name}> near ${j}`);
    if (stack.length > 0) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('two root elements');
    else root = el;
    if (e[1] === '') stack.push(el);
    i = end.lastIndex;
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> not closed`);
  if (!root) throw new Error('no root element');
  return root;
}
