/**
 * Password hashing with scrypt (node:crypto; Percival 2009, RFC 7914), memory-hard, and generated
 * passwords for first starts and new users. Hashes read `scrypt$<log2 N>$<r>$<p>$<salt>$<key>`;
 * bcrypt hashes of earlier versions are still checked, and replaced at the user's next sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** scrypt's cost, as log2 of N: 2^15 with r = 8 takes 32 MiB and about a tenth of a second. */
export const PASSWORD_COST = 15;

const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, cost: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** cost;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + (1 << 20) }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes a password. */
export async function hashPassword(password: string, cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, R, P);
  return ['scrypt', cost, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether a hash is of an earlier kind (bcrypt), to be replaced once the password is known. */
export function isOutdatedHash(hash: string): boolean {
  return !hash.startsWith('scrypt$');
}

/** Whether a password matches a hash (scrypt, or bcrypt of earlier versions); false for a malformed one. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    if (isOutdatedHash(hash)) return await bcrypt.compare(password, hash);
    const [, cost, r, p, salt, key] = hash.split('$');
    const expected = Buffer.from(key ?? '', 'base64');
    const actual = await derive(
      password,
      Buffer.from(salt ?? '', 'base64'),
      Number(cost),
      Number(r),
      Number(p),
    );
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  } catch {
    return false;
  }
}

const dummies = new Map<number, Promise<string>>();

/** Spends the time of a real check when there is no user, so timing does not tell who exists. */
export async function verifyNobody(password: string, cost = PASSWORD_COST): Promise<false> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword('no such user, no such password', cost);
    dummies.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}

/** A random password of 20 characters (about 120 bits), easy to copy. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
