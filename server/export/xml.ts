/**
 * XML text for the GEXF and GraphML writers. Values are escaped for attribute and element content
 * alike; tab, line feed and carriage return become character references (a parser would otherwise
 * turn them into spaces inside attributes); characters XML 1.0 cannot carry at all (other control
 * characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// Lone surrogates are matched with the `u` flag's code-point semantics.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(NOT_IN_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

/** `name="value"` pairs for an element, values escaped; undefined values are left out. */
export function xmlAttributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
