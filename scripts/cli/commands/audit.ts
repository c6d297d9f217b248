/**
 * `ariadne audit verify|list`: walk the hash chain and name the first event that was altered,
 * removed or reordered (exit 1), or print how many events check (exit 0); list events by user,
 * action and time.
 */
import { z } from 'zod';
import { verifyAuditTrail } from '../../../server/audit/audit-trail.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { readAuditEvents } from '../../../server/store/audit.ts';
import type { Store } from '../../../server/store/store.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE = `ariadne audit verify [--json]
       ariadne audit list [--user NAME] [--action ACTION] [--since TIME] [--until TIME] [--limit N] [--json]`;

const Time = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 time such as 2025-01-31T12:00:00Z' })
  .transform((t) => new Date(t).toISOString());

const Options = z.strictObject({
  user: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  since: Time.optional(),
  until: Time.optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(100),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

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
    name: 'audit',
    summary: 'verify the audit trail’s hash chain, or list its events',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(
          argv,
          {
            user: { type: 'string' },
            action: { type: 'string' },
            since: { type: 'string' },
            until: { type: 'string' },
            limit: { type: 'string' },
            json: { type: 'boolean' },
          },
          Options,
          true,
        );
        const [action, ...extra] = opts.positionals;
        if (opts.help || action === undefined) {
          process.stdout.write(`usage: ${USAGE}\n`);
          return opts.help ? EXIT.ok : EXIT.usage;
        }
        if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
        if (action === 'verify') return await verify(opts.json === true);
        if (action === 'list') {
          const events = await withStore((store) => readAuditEvents(store, opts));
          if (opts.json) printJson({ events });
          else
            for (const e of events) {
              process.stdout.write(
                `${String(e.seq).padStart(7)} ${e.at} ${e.username} ${e.action} ${e.outcome}${e.targets.length ? ` ${e.targets.join(',')}` : ''}${e.purpose ? ` purpose=${JSON.stringify(e.purpose)}` : ''}\n`,
              );
            }
          return EXIT.ok;
        }
        throw new UsageError(`unknown action ${JSON.stringify(action)}: use verify or list`);
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];

async function verify(json: boolean): Promise<number> {
  const result = await withStore((store) => verifyAuditTrail(store));
  if (json) printJson({ ok: result.firstBreak === null, ...result });
  else if (result.firstBreak) {
    const b = result.firstBreak;
    process.stdout.write(
      `The audit trail is broken at event ${b.id} (seq ${b.seq}): ${b.reason}. ${result.count} events before it check.\n`,
    );
  } else process.stdout.write(`The audit trail checks: ${result.count} events, hash chain intact.\n`);
  return result.firstBreak ? EXIT.failed : EXIT.ok;
}
