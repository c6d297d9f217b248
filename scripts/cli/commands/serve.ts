/** `ariadne serve` and `ariadne start` (what `npm start` runs): the web app and API. */
import { z } from 'zod';
import { loadConfig } from '../../../server/config.ts';
import { loadDemoCase } from '../../../server/ingest/demo.ts';
import { ENTITY_LABELS } from '../../../server/schema/model.ts';
import { closeOnSignals, serve } from '../../../server/serve.ts';
import { hasEntities } from '../../../server/store/imports.ts';
import type { Store } from '../../../server/store/store.ts';
import { type Command, EXIT, parseCommand, report } from '../common.ts';

const Options = z.strictObject({
  port: z.coerce.number().int().min(1).max(65535, 'must be a port number from 1 to 65535').optional(),
  help: z.boolean().optional(),
});

/** Loads the demo case into an empty database, so that a first `npm start` has a case to explore. */
async function loadDemoIfEmpty(store: Store, home: string, say: (line: string) => void): Promise<void> {
  if (await hasEntities(store, ENTITY_LABELS)) return;
  say('The database is empty: loading the demo case (Operation Ariadne Demo)');
  const { report } = await loadDemoCase(store, { home, say });
  say(`Demo case loaded: ${report.records} records (${report.totals.created} created)`);
}

function makeCommand(name: 'serve' | 'start', summary: string, stopLocalOnExit: boolean): Command {
  const usage = `ariadne ${name} [--port N]`;
  return {
    name,
    summary,
    usage,
    async run(argv) {
      try {
        const opts = parseCommand(argv, { port: { type: 'string' } }, Options);
        if (opts.help) {
          process.stdout.write(`usage: ${usage}\n${summary}\n`);
          return EXIT.ok;
        }
        const config = loadConfig();
        if (opts.port !== undefined) config.port = opts.port;
        const say = (line: string) => process.stdout.write(`${line}\n`);
        const running = await serve(config, {
          stopLocalOnExit,
          say,
          ...(name === 'start' ? { beforeListen: (c) => loadDemoIfEmpty(c.store, config.home, say) } : {}),
        });
        closeOnSignals(running, say);
        say(`Ariadne is serving ${running.url} (Neo4j at ${running.connection.target.uri})`);
        await new Promise(() => {});
        return EXIT.ok;
      } catch (error) {
        return report(error, usage);
      }
    },
  };
}

export const commands: Command[] = [
  makeCommand('serve', 'serve the API and the web app', false),
  makeCommand('start', 'start Neo4j if needed, load the demo case into an empty database, and serve', true),
];
