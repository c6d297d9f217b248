import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, nameCountry, normaliseCountry } from '../../../server/schema/normalise/country.ts';

describe('normaliseCountry', () => {
  it.each([
    ['LY', 'LY'],
    ['ly', 'LY'],
    ['LBY', 'LY'],
    ['Libya', 'LY'],
    ['Turkey', 'TR'],
    ['Turkiye', 'TR'],
    ['Türkiye', 'TR'],
    ['TUR', 'TR'],
    ['Syria', 'SY'],
    ['Syrian Arab Republic', 'SY'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['United Kingdom', 'GB'],
    ['USA', 'US'],
    ['United States of America', 'US'],
    ['the Netherlands', 'NL'],
    ['Bosnia & Herzegovina', 'BA'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Kosovo', 'XK'],
    ['XKX', 'XK'],
    ['XKK', 'XK'],
    ['  eritrea ', 'ER'],
    ['St. Lucia', 'LC'],
    ['Libyan Arab Jamahiriya', 'LY'],
  ])('reads %j as %s', (input, code) => {
    expect(normaliseCountry(input)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['Libye', 'LY'],
    ['Libia', 'LY'],
    ['ليبيا', 'LY'],
    ['Ливия', 'LY'],
    ['Allemagne', 'DE'],
    ['Türkei', 'TR'],
    ['Yunanistan', 'GR'],
    ['Afganistán', 'AF'],
    ['叙利亚', 'SY'],
  ])('reads %j, a name in another language, as %s', (input, code) => {
    expect(normaliseCountry(input)).toEqual({ ok: true, value: code });
  });

  it('reads two or three letters as a code before a name: "Nga" is Nigeria\'s NGA, not Vietnamese for Russia', () => {
    expect(normaliseCountry('Nga')).toEqual({ ok: true, value: 'NG' });
    expect(normaliseCountry('MY')).toEqual({ ok: true, value: 'MY' });
  });

  it.each(['Narnia', 'ZZ', 'XYZ', ''])('rejects %j and says which forms it accepts', (input) => {
    const result = normaliseCountry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a country .*alpha-2 code such as "LY"/);
  });

  it('rejects a name two countries share and names both codes', () => {
    expect(normaliseCountry('Kongo')).toEqual({
      ok: false,
      message: '"Kongo" names more than one country (CD, CG): give the ISO 3166-1 alpha-2 code',
    });
  });

  it('names a code in English', () => {
    expect(nameCountry('LY')).toBe('Libya');
    expect(nameCountry('QQ')).toBeUndefined();
  });

  it('knows every ISO 3166-1 code once, plus Kosovo', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
  });
});
