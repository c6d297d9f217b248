/**
 * `ariadne users add|list|disable`: the operator manages users at the command line, with full power
 * (unlike an admin through the API, who grants only what they hold); only here is an auditor made. A new user's
 * password comes from standard input (--password-stdin), is asked twice on a terminal, or is
 * generated and printed once. Every change is recorded in the audit trail as the operator's.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { auditTrailFor } from '../../../server/audit/audit-trail.ts';
import { generatePassword } from '../../../server/auth/passwords.ts';
import { changeUser, createUser, listUsers } from '../../../server/auth/users.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { NewUserSchema, type User } from '../../../server/schema/api/users.ts';
import type { Store } from '../../../server/store/store.ts';
import { UserExistsError } from '../../../server/store/users.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE = `ariadne users add NAME --role viewer|analyst|admin --clearance H0,H1 [--agency NAME] [--password-stdin]
       ariadne users add NAME --role auditor [--password-stdin]   (full clearance: reads and verifies the whole audit trail, changes nothing)
       ariadne users list [--json]
       ariadne users disable NAME`;

const Options = z.strictObject({
  role: z.string().optional(),
  clearance: z.string().optional(),
  agency: z.string().optional(),
  'password-stdin': z.boolean().optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});
type Opts = z.infer<typeof Options>;

const OPERATOR = { username: `cli:${userInfo().username}`, role: null, ip: null };

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const { store } = await connect(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export const commands: Command[] = [
  {
    name: 'users',
    summary: 'add, list and disable users',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(
          argv,
          {
            role: { type: 'string' },
            clearance: { type: 'string' },
            agency: { type: 'string' },
            'password-stdin': { type: 'boolean' },
            json: { type: 'boolean' },
          },
          Options,
          true,
        );
        const [action, name, ...extra] = opts.positionals;
        if (opts.help || action === undefined) {
          process.stdout.write(`usage: ${USAGE}\n`);
          return opts.help ? EXIT.ok : EXIT.usage;
        }
        if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
        if (action === 'list') return await list(opts);
        if (action === 'add') return await add(name, opts);
        if (action === 'disable') return await disable(name);
        throw new UsageError(`unknown action ${JSON.stringify(action)}: use add, list or disable`);
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];

async function list(opts: Opts): Promise<number> {
  const users = await withStore(listUsers);
  if (opts.json) printJson({ users });
  else process.stdout.write(formatUsers(users));
  return EXIT.ok;
}

function formatUsers(users: User[]): string {
  if (users.length === 0) return 'no users\n';
  return users
    .map((u) => {
      const flags = [u.disabled ? 'disabled' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : '']
        .filter(Boolean)
        .join(', ');
      return `${u.username.padEnd(20)} ${u.role.padEnd(8)} ${u.clearance.join(',').padEnd(12)} ${u.agency ?? '-'}${flags ? `  (${flags})` : ''}\n`;
    })
    .join('');
}

async function add(name: string | undefined, opts: Opts): Promise<number> {
  if (!name) throw new UsageError('name the user: ariadne users add NAME --role R --clearance H0,H1');
  const { password, generated } = await readPassword(opts['password-stdin'] === true);
  const parsed = NewUserSchema.safeParse({
    username: name,
    role: opts.role,
    // The auditor holds full clearance whatever is asked, so none need be given.
    clearance: (opts.clearance ?? (opts.role === 'auditor' ? 'H0,H1,H2,H3' : undefined))
      ?.split(',')
      .map((c) => c.trim()),
    agency: opts.agency ?? null,
    password,
  });
  if (!parsed.success) {
    const fields: Record<string, string> = { username: 'NAME', clearance: '--clearance', role: '--role' };
    throw new UsageError(
      parsed.error.issues
        .map((i) => `${fields[String(i.path[0])] ?? `--${String(i.path[0])}`}: ${i.message}`)
        .join('\n'),
    );
  }
  const { password: _password, ...described } = parsed.data;
  await withStore(async (store) => {
    try {
      await createUser(store, parsed.data);
    } catch (error) {
      if (error instanceof UserExistsError) throw new UsageError(error.message);
      throw error;
    }
    await auditTrailFor(store).append(OPERATOR, {
      action: 'users.create',
      targets: [name],
      parameters: described,
      outcome: 'ok',
    });
  });
  process.stdout.write(`Created ${parsed.data.role} ${name}\n`);
  if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
  return EXIT.ok;
}

async function disable(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError('name the user: ariadne users disable NAME');
  const user = await withStore(async (store) => {
    const changed = await changeUser(store, name, { disabled: true });
    await auditTrailFor(store).append(OPERATOR, {
      action: 'users.update',
      targets: [name],
      parameters: { disabled: true },
      outcome: changed ? 'ok' : 'not-found',
    });
    return changed;
  });
  if (!user) {
    process.stderr.write(`ariadne: no user named ${JSON.stringify(name)}\n`);
    return EXIT.failed;
  }
  process.stdout.write(`Disabled ${name}; their sessions are ended\n`);
  return EXIT.ok;
}

async function readPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return { password: text.replace(/\r?\n$/, ''), generated: false };
  }
  if (!process.stdin.isTTY) return { password: generatePassword(), generated: true };
  const first = await askHidden('Password: ');
  const second = await askHidden('Again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return { password: first, generated: false };
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    });
  });
}
