/**
 * Country names that i18n-iso-countries does not carry but records in this field use, mapped to the
 * alpha-2 code. Everything else (codes, and names in the package's 78 languages) comes from the package.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // ISO 3166-1's own short names, which the package writes in everyday form ("Bolivia", "Iran").
  'bolivia (plurinational state of)': 'BO',
  'congo, democratic republic of the': 'CD',
  "korea (democratic people's republic of)": 'KP',
  'iran (islamic republic of)': 'IR',
  'palestine, state of': 'PS',
  'saint helena, ascension and tristan da cunha': 'SH',
  'tanzania, united republic of': 'TZ',
  'united kingdom of great britain and northern ireland': 'GB',
  'venezuela (bolivarian republic of)': 'VE',
  // ISO 3166-1 gives "Congo" to CG; the package also lists it as a second name of CD.
  congo: 'CG',
  // Historic and official long names still found in older reports and court papers.
  'libyan arab jamahiriya': 'LY',
  'state of libya': 'LY',
  'republic of turkey': 'TR',
  fyrom: 'MK',
  'east timor': 'TL',
  // Colloquial names and abbreviations analysts and sources write.
  america: 'US',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  bosnia: 'BA',
  drc: 'CD',
  'dr congo': 'CD',
  emirates: 'AE',
  'falkland islands': 'FK',
  'sao tome': 'ST',
  'saint kitts': 'KN',
  vatican: 'VA',
  'vatican city': 'VA',
  // Codes that differ from ISO 3166-1: Kosovo's XKX (EU and INTERPOL; the package has XKK), and the
  // EU's "EL" for Greece and the vehicle code "D" for Germany.
  xkx: 'XK',
  el: 'GR',
  d: 'DE',
};
