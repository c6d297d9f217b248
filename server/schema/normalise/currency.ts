/** Currencies to ISO 4217 codes, from a code, an ISO name, an everyday name or a symbol. */
import { AMBIGUOUS_CURRENCIES, CURRENCIES, CURRENCY_VARIANTS } from './currency-data.ts';
import { accept, type Normalised, quote, reject } from './result.ts';
import { foldName } from './text.ts';

/** Every ISO 4217 code Ariadne accepts. */
export const CURRENCY_CODES: readonly string[] = CURRENCIES.map(([code]) => code);

// Plural "s" dropped so that "euros", "US dollars" and "Libyan dinars" match their singular names.
function foldCurrency(value: string): string {
  const folded = foldName(value);
  return folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
}

let lookup: Map<string, string> | undefined;

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, name] of CURRENCIES) {
    map.set(code.toLowerCase(), code);
    map.set(foldCurrency(name), code);
  }
  for (const [variant, code] of Object.entries(CURRENCY_VARIANTS)) map.set(foldCurrency(variant), code);
  return map;
}

/** Normalises a currency to its ISO 4217 code ("Euro", "eur", "€" give "EUR"; "dollar" is ambiguous). */
export function normaliseCurrency(value: string): Normalised<string> {
  lookup ??= buildLookup();
  const folded = foldCurrency(value);
  const code = lookup.get(folded);
  if (code !== undefined) return accept(code);
  const candidates = AMBIGUOUS_CURRENCIES[folded];
  if (candidates !== undefined) {
    return reject(`${quote(value)} names several currencies: give the ISO 4217 code, e.g. ${candidates}`);
  }
  return reject(
    `${quote(value)} is not an ISO 4217 currency: give the three-letter code such as "EUR", "USD" or "LYD" (crypto-assets are not ISO currencies: set method "crypto" and record the asset in an extra property such as "asset")`,
  );
}
