import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  isOutdatedHash,
  verifyNobody,
  verifyPassword,
} from '../../../server/auth/passwords.ts';

describe('passwords', () => {
  it('are hashed with scrypt, salted, and checked against the hash', async () => {
    const a = await hashPassword('correct horse', 4);
    const b = await hashPassword('correct horse', 4);
    expect(a).toMatch(/^scrypt\$4\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(isOutdatedHash(a)).toBe(false);
  });

  it('still checks bcrypt hashes of earlier versions, marked as outdated so sign-in replaces them', async () => {
    const old = await bcrypt.hash('battery staple', 4);
    expect(await verifyPassword('battery staple', old)).toBe(true);
    expect(await verifyPassword('battery', old)).toBe(false);
    expect(isOutdatedHash(old)).toBe(true);
  });

  it('refuses a malformed hash, and does the same work for a user who does not exist', async () => {
    expect(await verifyPassword('x', 'scrypt$4$8$1$notbase64')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyNobody('x', 4)).toBe(false);
  });
});
