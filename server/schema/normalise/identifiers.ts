/**
 * Identifiers that are matched across sources: document numbers, plates, account numbers, IBANs, IMO
 * and MMSI numbers, and communication identifiers. Each is reduced to one canonical spelling so the same
 * passport or boat seen in two reports becomes one node, and check digits catch typing errors early.
 */
import { getCountrySpecifications, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { accept, type Normalised, quote, reject } from './result.ts';
import { normaliseName } from './text.ts';

/** Document numbers, plates and account numbers: upper case, without spaces, dashes or dots. */
export function normaliseDocumentNumber(value: string | number): Normalised<string> {
  const base = normaliseName(String(value));
  if (!base.ok) return base;
  const compact = base.value.toUpperCase().replace(/[\s.\-‐‑–—]/gu, '');
  if (compact === '') return reject(`${quote(value)} holds only separators: give the number itself`);
  const stray = /[^\p{L}\p{N}]/u.exec(compact);
  if (stray !== null) {
    return reject(
      `${quote(value)} contains ${quote(stray[0])}: a number holds only letters and digits (spaces, dashes and dots are removed for you)`,
    );
  }
  return accept(compact);
}

// The ISO 13616 checks: country, length, the registry's BBAN format and the mod-97 check digits. A
// failed national check digit inside the BBAN (ValidationErrorsIBAN.WrongAccountBankBranchChecksum) is
// not a reason to refuse: ibantools knows those schemes for some countries only, and the mod-97 check
// already catches a mistyped character.
function explainIbanError(
  value: string,
  iban: string,
  errors: readonly ValidationErrorsIBAN[],
): string | undefined {
  const country = iban.slice(0, 2);
  if (errors.includes(ValidationErrorsIBAN.NoIBANCountry)) {
    return `${quote(value)} starts with ${country}, which does not issue IBANs: check the country code, or put the account number in "number" with the "institution"`;
  }
  if (errors.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    const length = getCountrySpecifications()[country]?.chars;
    return `${quote(value)} has ${iban.length} characters; an IBAN from ${country} has ${length}: check for a missing or extra character`;
  }
  if (errors.includes(ValidationErrorsIBAN.WrongBBANFormat)) {
    return `${quote(value)} does not follow the account format of IBANs from ${country} (SWIFT IBAN registry): check for a letter typed for a digit, or the reverse`;
  }
  if (errors.includes(ValidationErrorsIBAN.WrongIBANChecksum)) {
    return `${quote(value)} fails the IBAN check digits (ISO 13616 mod 97): a character is probably mistyped`;
  }
  return undefined;
}

/** IBANs: spaces removed, upper case, country, length, BBAN format and ISO 13616 mod-97 check digits verified (ibantools). */
export function normaliseIban(value: string): Normalised<string> {
  const iban = value
    .toUpperCase()
    .replace(/^IBAN:?/, '')
    .replace(/[\s.-]/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return reject(
      `${quote(value)} is not an IBAN: it must start with a two-letter country code and two check digits, then letters and digits (e.g. DE89 3704 0044 0532 0130 00)`,
    );
  }
  const problem = explainIbanError(value, iban, validateIBAN(iban).errorCodes);
  return problem === undefined ? accept(iban) : reject(problem);
}

/** IMO ship numbers: seven digits, optional "IMO" prefix, check digit verified. */
export function normaliseImo(value: string | number): Normalised<string> {
  const imo = String(value)
    .toUpperCase()
    .replace(/^\s*IMO[\s:.-]*/, '')
    .trim();
  if (!/^\d{7}$/.test(imo))
    return reject(`${quote(value)} is not an IMO number: it has seven digits, e.g. IMO 9074729`);
  const weighted = [...imo.slice(0, 6)].reduce((sum, digit, index) => sum + Number(digit) * (7 - index), 0);
  if (weighted % 10 !== Number(imo[6])) {
    return reject(
      `${quote(value)} fails the IMO check digit (last digit should be ${weighted % 10}): a digit is probably mistyped`,
    );
  }
  return accept(imo);
}

/** MMSI numbers: exactly nine digits. */
export function normaliseMmsi(value: string | number): Normalised<string> {
  const mmsi = String(value).replace(/\s/g, '');
  if (!/^\d{9}$/.test(mmsi)) {
    return reject(`${quote(value)} is not an MMSI: it has exactly nine digits, e.g. 247123450`);
  }
  return accept(mmsi);
}

const PHONE_LIKE = /^\+?[\d\s().\-/]{6,}$/;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Communication identifiers: phone numbers compacted ("00" becomes "+"), e-mail addresses lower-cased. */
export function normaliseCommunicationIdentifier(value: string | number): Normalised<string> {
  const base = normaliseName(String(value));
  if (!base.ok) return base;
  const text = base.value;
  if (PHONE_LIKE.test(text)) return accept(text.replace(/[^\d+]/g, '').replace(/^00/, '+'));
  if (EMAIL_LIKE.test(text)) return accept(text.toLowerCase());
  return accept(text);
}
