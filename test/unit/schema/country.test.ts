import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, normaliseCountry } from '../../../server/schema/normalise/country.ts';

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
    ['  eritrea ', 'ER'],
  ])('reads %j as %s', (input, code) => {
    expect(normaliseCountry(input)).toEqual({ ok: true, value: code });
  });

  it.each(['Narnia', 'ZZ', 'XYZ', ''])('rejects %j and says which forms it accepts', (input) => {
    const result = normaliseCountry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a country .*alpha-2 code such as "LY"/);
  });

  it('knows every ISO 3166-1 code once, plus Kosovo', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
  });
});
