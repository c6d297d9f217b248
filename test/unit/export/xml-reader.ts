/**
 * A minimal, strict XML reader for the export tests: elements, attributes, text, character and the
 * five predefined entity references, a declaration and comments. It throws on anything that is not
 * well-formed (mismatched or unclosed tags, a second root, a raw `<` or stray `&`, a duplicate
 * attribute, a character XML 1.0 forbids), and normalises attribute whitespace as a parser must.
 */

/** One element: name, attributes (decoded), child elements, and its own text (decoded, concatenated). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`stray "&" in ${where}`);
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new Error(`unknown entity ${whole} in ${where}`);
    return value;
  });
}

function readAttributes(source: string, name: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let rest = source.trim();
  while (rest !== '') {
    const match = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (!match) throw new Error(`malformed attributes in <${name}>: ${rest.slice(0, 40)}`);
    const key = match[1] as string;
    if (key in attributes) throw new Error(`attribute ${key} twice in <${name}>`);
    // Literal whitespace in an attribute value reads as a space (XML 1.0, 3.3.3); escapes survive.
    const raw = (match[3] ?? match[4] ?? '').replace(/[\t\n\r]/g, ' ');
    attributes[key] = decode(raw, `attribute ${key} of <${name}>`);
    rest = rest.slice(match[0].length);
  }
  return attributes;
}

/** Parses a whole document and returns its root element. */
export function parseXml(text: string): XmlElement {
  if (FORBIDDEN.test(text)) throw new Error('a character XML 1.0 does not allow');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const chunk = text.slice(at, open === -1 ? text.length : open);
    const parent = stack[stack.length - 1];
    if (parent) parent.text += decode(chunk, `<${parent.name}>`);
    else if (chunk.trim() !== '') throw new Error('text outside the root element');
    if (open === -1) break;
    if (text.startsWith('<!--', open)) {
      at = text.indexOf('-->', open) + 3;
      continue;
    }
    const close = text.indexOf('>', open);
    if (close === -1) throw new Error('unclosed tag');
    const tag = text.slice(open + 1, close);
    at = close + 1;
    if (tag.startsWith('/')) {
      const done = stack.pop();
      if (done?.name !== tag.slice(1).trim())
        throw new Error(`</${tag.slice(1)}> does not close <${done?.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (name === undefined) throw new Error(`malformed tag <${tag.slice(0, 40)}>`);
    const element: XmlElement = {
      name,
      attributes: readAttributes(body.slice(name.length), name),
      children: [],
      text: '',
    };
    if (parent) parent.children.push(element);
    else if (root === undefined) root = element;
    else throw new Error('a second root element');
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every descendant element with the name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...findAll(child, name),
  ]);
}
