/**
 * The first start: with no admin in the database, one named `admin` is created, with the password
 * from ARIADNE_ADMIN_PASSWORD or a generated one that is printed once and never stored in clear.
 */
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { findUser, hasAdmin } from '../store/users.ts';
import { generatePassword } from './passwords.ts';
import { changeUser, createUser } from './users.ts';

export const FIRST_ADMIN = 'admin';

/** Creates the first admin when there is none; says what it did. */
export async function ensureAdmin(
  store: Store,
  config: Pick<Config, 'adminPassword'>,
  say: (line: string) => void,
): Promise<void> {
  if (await hasAdmin(store)) return;
  const password = config.adminPassword ?? generatePassword();
  const existing = await findUser(store, FIRST_ADMIN);
  if (existing) {
    await changeUser(store, FIRST_ADMIN, { role: 'admin', disabled: false, password });
  } else {
    await createUser(store, {
      username: FIRST_ADMIN,
      role: 'admin',
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: null,
      password,
    });
  }
  say(
    config.adminPassword
      ? `Created the admin user "${FIRST_ADMIN}" with the password from ARIADNE_ADMIN_PASSWORD.`
      : `Created the admin user "${FIRST_ADMIN}" with the password ${password} (shown once: note it, or change it with ariadne users).`,
  );
}
