import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, normaliseCurrency } from '../../../server/schema/normalise/currency.ts';

describe('normaliseCurrency', () => {
  it.each([
    ['EUR', 'EUR'],
    ['eur', 'EUR'],
    ['Euro', 'EUR'],
    ['euros', 'EUR'],
    ['€', 'EUR'],
    ['US Dollar', 'USD'],
    ['US dollars', 'USD'],
    ['Libyan dinar', 'LYD'],
    ['Libyan Dinars', 'LYD'],
    ['Turkish lira', 'TRY'],
    ['Pound Sterling', 'GBP'],
    ['Egyptian Pound', 'EGP'],
    ['CFA Franc BCEAO', 'XOF'],
    ['Swiss Franc', 'CHF'],
    ['Tunisian dinars', 'TND'],
    ['Comorian Franc', 'KMF'],
    ['XCG', 'XCG'],
    ['Caribbean Guilder', 'XCG'],
    ['SLL', 'SLL'],
    ['ZWL', 'ZWL'],
    ['Russian roubles', 'RUB'],
  ])('reads %j as %s', (input, code) => {
    expect(normaliseCurrency(input)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['dollar', /names several currencies: give the ISO 4217 code, e.g. USD/],
    ['dinars', /names several currencies.*LYD/],
    ['BTC', /not an ISO 4217 currency.*crypto/],
    ['Bolívar Soberano', /names several currencies: give the ISO 4217 code, e.g. VED or VES/],
    ['Narnian crown', /not an ISO 4217 currency: give the three-letter code/],
  ])('rejects %j with a message that says what to give', (input, message) => {
    const result = normaliseCurrency(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('lists each ISO 4217 code once', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(170);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toContain('LYD');
    expect(CURRENCY_CODES).toContain('XCG');
  });
});
