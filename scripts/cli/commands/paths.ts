/**
 * `ariadne paths A B`: how two entities are connected: the shortest paths and, with --all, every
 * simple path of at most k links, each step with its link types, directions and grades. The same
 * search as `GET /api/paths` (server/runner/paths.ts): only a bounded neighbourhood of A within k
 * links is read, and hubs are not walked through unless --through-hubs.
 */
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import type { PathsResult } from '../../../server/runner/paths.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE =
  'ariadne paths A B [--max-hops K] [--all] [--max-paths N] [--through-hubs] [--max-degree D] [--max-nodes N] [--json]';
const HELP = `usage: ${USAGE}

  A B             the two entity ids
  --max-hops K    longest path considered, in links (default 4)
  --all           every simple path up to K links, not only the shortest
  --max-paths N   most paths listed (default 100)
  --through-hubs  also walk through Case and Source nodes and nodes with more than D links
  --max-degree D  nodes with more links than this are hubs (default 50)
  --max-nodes N   most entities read around A (default 2000); "truncated" says when paths may be missing
  --json          print {from, to, distance, shortest, all?, truncated} as JSON
`;

const Options = z.strictObject({
  'max-hops': z.coerce.number().int().min(1).max(8).optional(),
  'max-paths': z.coerce.number().int().min(1).max(10_000).optional(),
  'max-degree': z.coerce.number().int().min(1).max(100_000).optional(),
  'max-nodes': z.coerce.number().int().min(1).max(200_000).optional(),
  'through-hubs': z.boolean().optional(),
  all: z.boolean().optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

const FLAGS = {
  'max-hops': { type: 'string' },
  'max-paths': { type: 'string' },
  'max-degree': { type: 'string' },
  'max-nodes': { type: 'string' },
  'through-hubs': { type: 'boolean' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const commands: Command[] = [
  {
    name: 'paths',
    summary: 'shortest and all simple paths between two entities, with link types and grades',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(argv, FLAGS, Options, true);
        if (opts.help) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        const [from, to, ...extra] = opts.positionals;
        if (from === undefined || to === undefined || extra.length > 0)
          throw new UsageError('name exactly two entities');
        const { findEntityPaths, PATH_DEFAULTS } = await import('../../../server/runner/paths.ts');
        const hops = opts['max-hops'] ?? PATH_DEFAULTS.maxHops;
        const { store } = await connect(loadConfig(), (l) => process.stderr.write(`${l}\n`), {
          migrate: true,
        });
        try {
          const found = await findEntityPaths(store, FULL_CLEARANCE, from, to, {
            maxHops: hops,
            all: opts.all === true,
            throughHubs: opts['through-hubs'] === true,
            ...(opts['max-paths'] === undefined ? {} : { maxPaths: opts['max-paths'] }),
            ...(opts['max-degree'] === undefined ? {} : { maxDegree: opts['max-degree'] }),
            ...(opts['max-nodes'] === undefined ? {} : { maxNodes: opts['max-nodes'] }),
          });
          if (found === null)
            throw new UsageError(`no entity has the id ${JSON.stringify(from)} or ${JSON.stringify(to)}`);
          const { result } = found;
          if (result.distance === null && !opts.json) {
            process.stdout.write(`no path of at most ${hops} links from ${from} to ${to}\n`);
            return EXIT.ok;
          }
          if (opts.json) printJson(result);
          else printPaths(result);
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

function printPaths(result: PathsResult): void {
  const show = (path: (typeof result.shortest)[number]) =>
    path.nodes
      .map((n, i) => {
        const step =
          i === 0
            ? ''
            : ` -[${(path.steps[i - 1] ?? []).map((l) => `${l.linkType}${l.grade ? ` ${l.grade}` : ''}`).join('|')}]- `;
        return `${step}${n.id}`;
      })
      .join('');
  const lines = [
    result.distance === null
      ? `no path from ${result.from} to ${result.to}`
      : `${result.shortest.length} shortest paths of ${result.distance} links`,
    ...result.shortest.map((p) => `  ${show(p)}`),
  ];
  if (result.all) lines.push(`${result.all.length} simple paths:`, ...result.all.map((p) => `  ${show(p)}`));
  if (result.truncated)
    lines.push('(a bound was reached: more paths may exist; see --max-nodes and --max-paths)');
  process.stdout.write(`${lines.join('\n')}\n`);
}
