/** Password hashing with bcrypt, and generated passwords for first starts and new users. */
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** bcrypt's cost factor: about a quarter of a second per hash on a server core. */
export const BCRYPT_COST = 12;

/** Hashes a password. */
export function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

/** Whether a password matches a hash; false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

const dummies = new Map<number, Promise<string>>();

/** Spends the time of a real check when there is no user, so timing does not tell who exists. */
export async function verifyNobody(password: string, cost = BCRYPT_COST): Promise<false> {
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
