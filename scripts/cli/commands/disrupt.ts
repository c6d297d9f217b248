/**
 * `ariadne disrupt`: what taking entities out of the network would break (largest connected part,
 * number of parts, communities split, money paths cut), for given entities or the best k by a
 * strategy. Smuggled persons and witnesses are never chosen.
 */
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const STRATEGIES = ['betweenness', 'degree', 'collective-influence'] as const;
const USAGE =
  'ariadne disrupt [--remove ID,...|--strategy betweenness|degree|collective-influence --k N] [--json]';
const HELP = `usage: ${USAGE}

  --remove IDS   the entities to take out (comma-separated)
  --strategy S   otherwise pick them greedily by betweenness (default), degree or collective influence,
                 recomputed after each removal
  --k N          how many the strategy picks (default 3)
  --json         print {removed, before, after, communitiesSplit, moneyPathsCut} as JSON
`;

const Options = z.strictObject({
  remove: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .optional(),
  strategy: z.enum(STRATEGIES, { error: `use one of ${STRATEGIES.join(', ')}` }).optional(),
  k: z.coerce.number().int().min(1).max(1_000).optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

const FLAGS = {
  remove: { type: 'string' },
  strategy: { type: 'string' },
  k: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const commands: Command[] = [
  {
    name: 'disrupt',
    summary: 'simulate taking key entities out of the network',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(argv, FLAGS, Options);
        if (opts.help) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        if (opts.remove && (opts.strategy || opts.k))
          throw new UsageError('give either --remove or --strategy/--k, not both');
        const { projectGraph } = await import('../../../server/store/projection.ts');
        const { simulateDisruption } = await import('../../../analysis/findings/disruption.ts');
        const { store } = await connect(loadConfig(), (l) => process.stderr.write(`${l}\n`), {
          migrate: true,
        });
        try {
          const graph = await projectGraph(store, {}, FULL_CLEARANCE);
          const unknown = (opts.remove ?? []).filter((id) => !graph.hasNode(id));
          if (unknown.length > 0) throw new UsageError(`no entity has the id ${unknown.join(', ')}`);
          const result = simulateDisruption(graph, {
            ...(opts.remove ? { remove: opts.remove } : {}),
            ...(opts.strategy ? { strategy: opts.strategy } : {}),
            ...(opts.k ? { k: opts.k } : {}),
          });
          const named = result.removed.map((r) => ({ ...r, name: graph.getNodeAttribute(r.id, 'name') }));
          if (opts.json) printJson({ ...result, removed: named });
          else {
            const lines = [
              `removed ${named.map((r) => `${r.id}${r.name ? ` (${r.name})` : ''}`).join(', ')}`,
              `largest part ${result.before.largestComponent} -> ${result.after.largestComponent}, parts ${result.before.components} -> ${result.after.components}`,
              `money paths ${result.before.moneyPaths} -> ${result.after.moneyPaths}, communities split ${result.communitiesSplit.length}`,
            ];
            process.stdout.write(`${lines.join('\n')}\n`);
          }
        } finally {
          await store.close();
        }
        return EXIT.ok;
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];
