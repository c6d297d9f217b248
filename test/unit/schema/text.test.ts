import { describe, expect, it } from 'vitest';
import { foldName, normaliseName, normaliseText } from '../../../server/schema/normalise/text.ts';

describe('normaliseName', () => {
  it.each([
    ['  Abu   Ali  ', 'Abu Ali'],
    ['Abu\u00a0Ali', 'Abu Ali'],
    ['Jose\u0301', 'José'],
    ['محمد علي', 'محمد علي'],
  ])('normalises %j to %j (NFC, trimmed, whitespace collapsed)', (input, name) => {
    expect(normaliseName(input)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['Abu\u0000Ali', /control character \(U\+0000\) at position 4/],
    ['Abu\tAli', /control character \(U\+0009\).*allowed only in notes/],
    ['Abu\nAli', /control character \(U\+000A\)/],
    ['Abu\u007fAli', /control character \(U\+007F\)/],
    ['Abu\u0085Ali', /control character \(U\+0085\)/],
    ['Abu\u202eilA', /bidirectional override character \(U\+202E\).*disguise/],
    ['Abu\u2066Ali', /bidirectional override character \(U\+2066\)/],
    ['   ', /is empty/],
    ['x'.repeat(1001), /is 1001 characters long, over the limit of 1000/],
  ])('rejects %j', (input, message) => {
    const result = normaliseName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('normaliseText', () => {
  it('keeps tabs and line breaks in notes, and turns CRLF into LF', () => {
    expect(normaliseText('first line\r\n\tsecond line')).toEqual({
      ok: true,
      value: 'first line\n\tsecond line',
    });
  });

  it('keeps a spreadsheet formula verbatim, as data', () => {
    expect(normaliseText("=cmd|' /C calc'!A0")).toEqual({ ok: true, value: "=cmd|' /C calc'!A0" });
  });

  it('rejects a 10 MB note with its length and the limit', () => {
    const result = normaliseText('x'.repeat(10 * 1024 * 1024));
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/is 10485760 characters long, over the limit of 100000/),
    });
  });

  it.each(['bell\u0007', 'rlo\u202e', 'pdi\u2069'])('rejects control and bidi characters in %j', (input) => {
    expect(normaliseText(input).ok).toBe(false);
  });
});

describe('foldName', () => {
  it('folds case, accents and spacing for natural keys', () => {
    expect(foldName('  Zuwārah   Port ')).toBe('zuwarah port');
  });
});
