/** The normalisers: pure functions that return a canonical value or a message saying what to fix. */
export { normaliseCountry, nameCountry, COUNTRY_CODES } from './country.ts';
export { normaliseCurrency, CURRENCY_CODES } from './currency.ts';
export { normaliseDate, DATE_FORMATS, type DateFormat, type DateOptions } from './date.ts';
export {
  normaliseCommunicationIdentifier,
  normaliseDocumentNumber,
  normaliseIban,
  normaliseImo,
  normaliseMmsi,
} from './identifiers.ts';
export { accept, type Normalised, reject } from './result.ts';
export {
  findForbiddenCharacter,
  foldName,
  normaliseIdentifier,
  normaliseName,
  normaliseText,
  TEXT_LIMITS,
  type TextOptions,
} from './text.ts';
