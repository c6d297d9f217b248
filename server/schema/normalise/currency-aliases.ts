/**
 * What currency-codes (the ISO 4217 list) does not carry but payment records in this field use: codes
 * newer or older than the package's list, everyday names and symbols, and names several currencies share.
 */

/** Codes missing from the package's list (published 2024-06-25), as [code, name]. */
export const EXTRA_CURRENCIES: readonly (readonly [code: string, name: string])[] = [
  // Replaced the Netherlands Antillean guilder (ANG) from 31 March 2025.
  ['XCG', 'Caribbean Guilder'],
  // Withdrawn codes that records from before the changeover still carry.
  ['SLL', 'Leone (old)'],
  ['ZWL', 'Zimbabwe Dollar'],
];

/** Everyday names and symbols, mapped to the code (matched without case, accents or a plural "s"). */
export const CURRENCY_ALIASES: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  us$: 'USD',
  'u.s. dollar': 'USD',
  'american dollar': 'USD',
  'united states dollar': 'USD',
  'turkish lire': 'TRY',
  tl: 'TRY',
  sterling: 'GBP',
  'british pound': 'GBP',
  'emirati dirham': 'AED',
  'omani rial': 'OMR',
  'pakistani rupee': 'PKR',
  'afghan afghani': 'AFN',
  'eritrean nakfa': 'ERN',
  'nigerian naira': 'NGN',
  'ghanaian cedi': 'GHS',
  'bangladeshi taka': 'BDT',
  'russian rouble': 'RUB',
  rouble: 'RUB',
  ruble: 'RUB',
  'chinese yuan': 'CNY',
  renminbi: 'CNY',
  yuan: 'CNY',
  'japanese yen': 'JPY',
  'west african cfa franc': 'XOF',
  'central african cfa franc': 'XAF',
  'ukrainian hryvnia': 'UAH',
  'albanian lek': 'ALL',
  'georgian lari': 'GEL',
  'iranian toman': 'IRR',
};

/** Everyday names shared by several currencies: the message suggests the likely codes. */
export const AMBIGUOUS_CURRENCIES: Readonly<Record<string, string>> = {
  $: 'USD, CAD or AUD',
  dollar: 'USD, CAD or AUD',
  pound: 'GBP, EGP, LBP, SYP or SDG',
  dinar: 'LYD, IQD, TND, JOD, DZD or KWD',
  dirham: 'AED or MAD',
  riyal: 'SAR, QAR or YER',
  rial: 'IRR, OMR or YER',
  franc: 'CHF, XOF or XAF',
  'cfa franc': 'XOF (West Africa) or XAF (Central Africa)',
  rupee: 'INR, PKR or LKR',
  peso: 'MXN, ARS or COP',
  lira: 'TRY, or LBP and SYP where the local pound is called lira',
  krona: 'SEK or ISK',
  krone: 'DKK or NOK',
  shilling: 'KES, UGX, TZS or SOS',
};
