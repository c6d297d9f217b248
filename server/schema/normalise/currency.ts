/**
 * Currencies to ISO 4217 codes, from a code or an ISO name (currency-codes), or an everyday name or a
 * symbol (currency-aliases.ts).
 */
import currencyCodes from 'currency-codes';
import { AMBIGUOUS_CURRENCIES, CURRENCY_ALIASES, EXTRA_CURRENCIES } from './currency-aliases.ts';
import { accept, type Normalised, quote, reject } from './result.ts';
import { foldName } from './text.ts';

const CURRENCIES: readonly (readonly [code: string, name: string])[] = [
  ...currencyCodes.data.map((record) => [record.code, record.currency.trim()] as const),
  ...EXTRA_CURRENCIES,
];

/** Every ISO 4217 code Ariadne accepts. */
export const CURRENCY_CODES: readonly string[] = CURRENCIES.map(([code]) => code).sort();

// Plural "s" dropped so that "euros", "US dollars" and "Libyan dinars" match their singular names.
function foldCurrency(value: string): string {
  const folded = foldName(value);
  return folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}

type Lookup = { names: Map<string, string>; ambiguous: Map<string, string> };
let lookup: Lookup | undefined;

// An ISO name given to two codes (VED and VES are both "Bolívar Soberano") is not guessed.
function buildLookup(): Lookup {
  const names = new Map<string, string>();
  const claims = new Map<string, string[]>();
  for (const [code, name] of CURRENCIES) {
    names.set(code.toLowerCase(), code);
    const folded = foldCurrency(name);
    claims.set(folded, [...(claims.get(folded) ?? []), code]);
  }
  const ambiguous = new Map(Object.entries(AMBIGUOUS_CURRENCIES));
  for (const [name, codes] of claims) {
    if (codes.length === 1) names.set(name, codes[0] as string);
    else ambiguous.set(name, codes.join(' or '));
  }
  for (const [alias, code] of Object.entries(CURRENCY_ALIASES)) names.set(foldCurrency(alias), code);
  return { names, ambiguous };
}

/** Normalises a currency to its ISO 4217 code ("Euro", "eur", "€" give "EUR"; "dollar" is ambiguous). */
export function normaliseCurrency(value: string): Normalised<string> {
  lookup ??= buildLookup();
  const folded = foldCurrency(value);
  const code = lookup.names.get(folded);
  if (code !== undefined) return accept(code);
  const candidates = lookup.ambiguous.get(folded);
  if (candidates !== undefined) {
    return reject(`${quote(value)} names several currencies: give the ISO 4217 code, e.g. ${candidates}`);
  }
  return reject(
    `${quote(value)} is not an ISO 4217 currency: give the three-letter code such as "EUR", "USD" or "LYD" (crypto-assets are not ISO currencies: set method "crypto" and record the asset in an extra property such as "asset")`,
  );
}
