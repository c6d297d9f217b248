/**
 * Countries to ISO 3166-1 alpha-2, from an alpha-2 or alpha-3 code or a name in any of the languages
 * i18n-iso-countries carries ("Libya", "Libye", "Libia", "ليبيا"), plus the aliases in country-aliases.ts.
 */
import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries/index.js';
import { COUNTRY_ALIASES } from './country-aliases.ts';
import { accept, type Normalised, quote, reject } from './result.ts';

/** Every alpha-2 code Ariadne accepts (ISO 3166-1 and Kosovo's XK), for schemas and pick lists. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

let languagesLoaded = false;

// The package's Node entry parses all 78 language files on import; loading them on first use keeps
// that cost off every start of the CLI and the server.
function loadLanguages(): void {
  if (languagesLoaded) return;
  const require = createRequire(import.meta.url);
  for (const language of countries.getSupportedLanguages()) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as LocaleData);
  }
  languagesLoaded = true;
}

/** The English name of an alpha-2 code, or undefined. */
export function nameCountry(alpha2: string): string | undefined {
  loadLanguages();
  return countries.getName(alpha2, 'en');
}

// Accents are dropped only from Latin, Greek and Cyrillic letters: in Indic and other scripts the
// combining marks are vowels, and dropping them would make different names collide.
function foldCountry(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[,()/-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/^st /, 'saint ');
}

type Lookup = { names: Map<string, string>; ambiguous: Map<string, string[]> };
let lookup: Lookup | undefined;

function claimsIn(languages: readonly string[]): Map<string, Set<string>> {
  const claims = new Map<string, Set<string>>();
  for (const language of languages) {
    for (const [code, names] of Object.entries(countries.getNames(language, { select: 'all' }))) {
      for (const name of names) {
        const folded = foldCountry(name);
        const codes = claims.get(folded) ?? new Set<string>();
        claims.set(folded, codes.add(code));
      }
    }
  }
  return claims;
}

// Aliases first, then English names, then other languages' names; a name the package gives to two
// countries (the Congos, Saint Martin) is not guessed but reported with both codes.
function buildLookup(): Lookup {
  loadLanguages();
  const names = new Map<string, string>();
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) names.set(foldCountry(alias), code);
  const tiers = [claimsIn(['en']), claimsIn(countries.getSupportedLanguages())];
  const ambiguous = new Map<string, string[]>();
  for (const claims of tiers) {
    for (const [name, codes] of claims) {
      if (names.has(name)) continue;
      if (codes.size === 1) names.set(name, [...codes][0] as string);
      else ambiguous.set(name, [...codes].sort());
    }
  }
  for (const name of names.keys()) ambiguous.delete(name);
  return { names, ambiguous };
}

function findCode(value: string): string | undefined {
  const compact = value.trim().replace(/\./g, '').toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(compact)) return undefined;
  if (compact.length === 2) return COUNTRY_CODES.includes(compact) ? compact : undefined;
  return countries.alpha3ToAlpha2(compact);
}

/** Normalises a country to its ISO 3166-1 alpha-2 code ("Türkiye", "TUR", "tr", "Turquie" all give "TR"). */
export function normaliseCountry(value: string): Normalised<string> {
  const code = findCode(value);
  if (code !== undefined) return accept(code);
  lookup ??= buildLookup();
  const folded = foldCountry(value);
  const named = lookup.names.get(folded);
  if (named !== undefined) return accept(named);
  const candidates = lookup.ambiguous.get(folded);
  if (candidates !== undefined) {
    return reject(
      `${quote(value)} names more than one country (${candidates.join(', ')}): give the ISO 3166-1 alpha-2 code`,
    );
  }
  return reject(
    `${quote(value)} is not a country Ariadne recognises: use an ISO 3166-1 alpha-2 code such as "LY", an alpha-3 code such as "LBY", or the name in English or another language such as "Libya" or "Libye"`,
  );
}
