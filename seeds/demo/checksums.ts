/**
 * Identifiers with real check digits (IBAN mod-97, IMO, Tron base58check), so the schema's
 * validators accept the demo case exactly as they would accept real data.
 */
import { createHash } from 'node:crypto';
import type { Rng } from './prng.ts';

// BBAN shapes per country (SWIFT IBAN registry): 'n' digit, 'a' upper-case letter.
const BBAN_SHAPES: Record<string, string> = {
  AE: 'n19',
  AT: 'n16',
  BE: 'n12',
  DE: 'n18',
  ES: 'n20',
  FR: 'n23',
  GB: 'a4n14',
  GR: 'n23',
  HU: 'n24',
  IT: 'a1n22',
  MK: 'n15',
  NL: 'a4n10',
  RS: 'n18',
  SE: 'n20',
  TR: 'n22',
};

/** Countries for which `generateIban` can produce an account number. */
export const IBAN_COUNTRIES = Object.keys(BBAN_SHAPES);

function drawShape(rng: Rng, shape: string): string {
  let out = '';
  for (const [, kind, count] of shape.matchAll(/([na])(\d+)/g)) {
    for (let i = 0; i < Number(count); i++) {
      out += kind === 'n' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25));
    }
  }
  return out;
}

function mod97(text: string): number {
  let remainder = 0;
  for (const ch of text) {
    const value = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Whether an IBAN's check digits are right (ISO 13616 mod-97 = 1). */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** Draws an IBAN for a country in `IBAN_COUNTRIES`, with valid check digits. */
export function generateIban(rng: Rng, country: string): string {
  const shape = BBAN_SHAPES[country];
  if (!shape) throw new Error(`seeds/demo: no IBAN shape for country ${country}`);
  const bban = drawShape(rng, shape);
  const check = 98 - mod97(bban + country + '00');
  return country + String(check).padStart(2, '0') + bban;
}

/** The IMO check digit: the six digits weighted 7..2, summed, modulo 10. */
export function imoCheckDigit(six: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * (7 - i);
  return sum % 10;
}

/** Whether a seven-digit IMO number has the right check digit. */
export function isValidImo(imo: string): boolean {
  return /^\d{7}$/.test(imo) && imoCheckDigit(imo.slice(0, 6)) === Number(imo[6]);
}

/** Draws a seven-digit IMO ship number with a valid check digit. */
export function generateImo(rng: Rng): string {
  const six = String(rng.int(7_000_000, 9_999_999)).slice(0, 1) + drawShape(rng, 'n5');
  return six + String(imoCheckDigit(six));
}

/** Draws a nine-digit MMSI whose first three digits are the flag's maritime identification digits. */
export function generateMmsi(rng: Rng, mid: number): string {
  return String(mid) + drawShape(rng, 'n6');
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Draws a Tron (TRC-20) address: base58check of 0x41 and 20 bytes, as USDT wallets are written. */
export function generateTronAddress(rng: Rng): string {
  const payload = Buffer.alloc(21);
  payload[0] = 0x41;
  for (let i = 1; i < 21; i++) payload[i] = rng.int(0, 255);
  const full = Buffer.concat([payload, sha256(sha256(payload)).subarray(0, 4)]);
  let value = BigInt('0x' + full.toString('hex'));
  let out = '';
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out;
    value /= 58n;
  }
  return out;
}
