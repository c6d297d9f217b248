/** Countries to ISO 3166-1 alpha-2, from alpha-2, alpha-3 or an English name (with common variants). */
import { COUNTRIES, COUNTRY_VARIANTS } from './country-data.ts';
import { accept, type Normalised, quote, reject } from './result.ts';
import { foldName } from './text.ts';

/** Every alpha-2 code Ariadne accepts, for schemas and pick lists. */
export const COUNTRY_CODES: readonly string[] = COUNTRIES.map(([alpha2]) => alpha2);

/** The English name of an alpha-2 code, or undefined. */
export function nameCountry(alpha2: string): string | undefined {
  return COUNTRIES.find(([code]) => code === alpha2)?.[2];
}

/** Folds a country name or code so that spelling, accents, case and punctuation do not matter. */
function foldCountry(value: string): string {
  return foldName(value)
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[,()/-]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

let lookup: Map<string, string> | undefined;

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [alpha2, alpha3, name] of COUNTRIES) {
    map.set(alpha2.toLowerCase(), alpha2);
    map.set(alpha3.toLowerCase(), alpha2);
    map.set(foldCountry(name), alpha2);
  }
  for (const [variant, alpha2] of Object.entries(COUNTRY_VARIANTS)) map.set(foldCountry(variant), alpha2);
  return map;
}

/** Normalises a country to its ISO 3166-1 alpha-2 code ("Türkiye", "TUR", "tr" all give "TR"). */
export function normaliseCountry(value: string): Normalised<string> {
  lookup ??= buildLookup();
  const code = lookup.get(foldCountry(value));
  if (code !== undefined) return accept(code);
  return reject(
    `${quote(value)} is not a country Ariadne recognises: use an ISO 3166-1 alpha-2 code such as "LY", an alpha-3 code such as "LBY", or the English name such as "Libya"`,
  );
}
