import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/auth/ensure-admin.ts';
import type { Store } from '../../server/store/store.ts';
import { findUser } from '../../server/store/users.ts';
import { startApi, TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

let store: Store;
let api: TestApi;

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  api = await startApi({ store });
});
afterAll(async () => {
  await api.close();
  await store.close();
});

describe('ariadne users', () => {
  it('adds a user whose password comes from standard input, who can then sign in', async () => {
    const added = await runCli(
      [
        'users',
        'add',
        'cli-analyst',
        '--role',
        'analyst',
        '--clearance',
        'H0,H1',
        '--agency',
        'Europol',
        '--password-stdin',
      ],
      testEnv(),
      `${TEST_PASSWORD}\n`,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created analyst cli-analyst');
    const token = await api.login('cli-analyst');
    const me = await (await api.fetch('/api/auth/me', { token })).json();
    expect(me).toEqual({
      username: 'cli-analyst',
      role: 'analyst',
      clearance: ['H0', 'H1'],
      agency: 'Europol',
    });
  });

  it('generates and prints a password when none is given and there is no terminal', async () => {
    const added = await runCli(
      ['users', 'add', 'cli-viewer', '--role', 'viewer', '--clearance', 'H0'],
      testEnv(),
    );
    expect(added.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toBeDefined();
    await api.login('cli-viewer', password);
  });

  it('refuses a bad role, clearance or name with exit code 2 and a message naming the option', async () => {
    const bad = await runCli(['users', 'add', 'Bad Name', '--role', 'chief', '--clearance', 'H9'], testEnv());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/NAME: /);
    expect(bad.stderr).toMatch(/--role: /);
    expect(bad.stderr).toMatch(/--clearance: /);
    const taken = await runCli(
      ['users', 'add', 'cli-viewer', '--role', 'viewer', '--clearance', 'H0'],
      testEnv(),
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/already exists/);
  });

  it('lists users as JSON, without password hashes', async () => {
    const listed = await runCli(['users', 'list', '--json'], testEnv());
    expect(listed.code).toBe(0);
    const { users } = JSON.parse(listed.stdout);
    expect(users.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['cli-analyst', 'cli-viewer']),
    );
    expect(listed.stdout).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('disables a user, whose sessions end at once', async () => {
    const token = await api.login('cli-analyst');
    const disabled = await runCli(['users', 'disable', 'cli-analyst'], testEnv());
    expect(disabled.code).toBe(0);
    expect((await api.fetch('/api/auth/me', { token })).status).toBe(401);
    expect((await runCli(['users', 'disable', 'nobody-at-all'], testEnv())).code).toBe(1);
  });

  it('records its changes in the audit trail as the operator', async () => {
    const events = (await (await api.fetch('/api/audit?action=users.update', { role: 'admin' })).json())
      .events;
    expect(events[0]).toMatchObject({ targets: ['nobody-at-all'], outcome: 'not-found' });
    expect(events[0].username).toMatch(/^cli:/);
  });
});

describe('the first admin', () => {
  it('is created from ARIADNE_ADMIN_PASSWORD when there is no admin, and only then', async () => {
    await store.write("MATCH (u:User {role: 'admin'}) SET u.disabled = true");
    const said: string[] = [];
    await ensureAdmin(store, { adminPassword: 'first admin password' }, (line) => said.push(line));
    expect(said.join('\n')).toMatch(/ARIADNE_ADMIN_PASSWORD/);
    expect(said.join('\n')).not.toContain('first admin password');
    await api.login('admin', 'first admin password');
    await ensureAdmin(store, { adminPassword: 'another password entirely' }, (line) => said.push(line));
    expect(said).toHaveLength(1);
    await store.write("MATCH (u:User {role: 'admin'}) WHERE u.username <> 'admin' SET u.disabled = false");
  });

  it('gets a generated password, printed once, when none is configured', async () => {
    await store.write("MATCH (u:User {role: 'admin'}) SET u.disabled = true");
    const said: string[] = [];
    await ensureAdmin(store, { adminPassword: undefined }, (line) => said.push(line));
    const password = /password (\S+) \(shown once/.exec(said.join('\n'))?.[1];
    expect(password).toBeDefined();
    expect((await findUser(store, 'admin'))?.passwordHash).not.toContain(password);
    await api.login('admin', password);
    await store.write("MATCH (u:User {role: 'admin'}) SET u.disabled = false");
  });
});
