import { describe, expect, it } from 'vitest';
import { escapeXml, xmlAttributes } from '../../../server/export/xml.ts';
import { parseXml } from './xml-reader.ts';

describe('XML escaping', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('keeps tabs and line breaks through attribute normalisation as character references', () => {
    const element = parseXml(`<x${xmlAttributes({ v: 'a\tb\r\nc' })}/>`);
    expect(element.attributes.v).toBe('a\tb\r\nc');
  });

  it('replaces characters XML 1.0 cannot carry, so the document stays well-formed', () => {
    const text = 'bell\u0007 nul\u0000 lone\uD800 ok😀';
    expect(escapeXml(text)).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok😀');
    expect(parseXml(`<x>${escapeXml(text)}</x>`).text).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok😀');
  });

  it('leaves out undefined attributes', () => {
    expect(xmlAttributes({ id: 'a', weight: undefined, n: 2 })).toBe(' id="a" n="2"');
  });
});

describe('the test XML reader', () => {
  it('rejects documents that are not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1 < 2"/>')).toThrow();
    expect(() => parseXml('<a>Tom & Jerry</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>')).toThrow();
  });
});
