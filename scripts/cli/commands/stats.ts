/** `ariadne stats`: node counts per label, relationship counts per type, and the Neo4j version. */
import { z } from 'zod';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { readStats } from '../../../server/store/stats.ts';
import { type Command, EXIT, parseCommand, printJson, report } from '../common.ts';

const USAGE = 'ariadne stats [--json]';
const Options = z.strictObject({ json: z.boolean().optional(), help: z.boolean().optional() });

export const commands: Command[] = [
  {
    name: 'stats',
    summary: 'count the nodes per label and relationships per type',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(argv, { json: { type: 'boolean' } }, Options);
        if (opts.help) {
          process.stdout.write(`usage: ${USAGE}\n`);
          return EXIT.ok;
        }
        const { store } = await connect(loadConfig(), (line) => process.stderr.write(`${line}\n`), {
          migrate: true,
        });
        try {
          const stats = await readStats(store);
          if (opts.json) printJson(stats);
          else printStats(stats);
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

function printStats(stats: Awaited<ReturnType<typeof readStats>>): void {
  const lines = [`Neo4j ${stats.neo4j.version} (${stats.neo4j.edition})`, 'nodes:'];
  for (const [label, n] of Object.entries(stats.nodes)) if (n > 0) lines.push(`  ${label.padEnd(16)} ${n}`);
  lines.push('relationships:');
  for (const [type, n] of Object.entries(stats.relationships))
    if (n > 0) lines.push(`  ${type.padEnd(16)} ${n}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
