/** `ariadne neo4j start|stop|status`: the local Neo4j under ARIADNE_HOME. */
import { z } from 'zod';
import { loadConfig } from '../../../server/config.ts';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../../../server/local/neo4j.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE = 'ariadne neo4j start [--port N] | stop | status [--json]';

const Options = z.strictObject({
  port: z.coerce.number().int().min(1).max(65535, 'must be a port number from 1 to 65535').optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

export const commands: Command[] = [
  {
    name: 'neo4j',
    summary: 'start, stop or inspect the local Neo4j (Community 5.26, Bolt on 127.0.0.1)',
    usage: USAGE,
    async run(argv) {
      try {
        const [action, ...rest] = argv;
        const opts = parseCommand(rest, { port: { type: 'string' }, json: { type: 'boolean' } }, Options);
        if (opts.help || action === undefined || action === '--help') {
          process.stdout.write(
            `usage: ${USAGE}\n\nData, logs, pid and port live under $ARIADNE_HOME/neo4j (default .data/neo4j).\n`,
          );
          return action === undefined ? EXIT.usage : EXIT.ok;
        }
        const config = loadConfig();
        if (action === 'status') return status(config.home, opts.json ?? false);
        if (action === 'stop') return await stop(config.home);
        if (action === 'start')
          return await start(config.home, opts.port ?? config.localNeo4jPort, opts.port !== undefined, {
            heap: config.localNeo4jHeap,
            pageCache: config.localNeo4jPageCache,
          });
        throw new UsageError(`unknown action ${JSON.stringify(action)}: use start, stop or status`);
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];

function status(home: string, json: boolean): number {
  const s = localStatus(home);
  if (json) printJson({ running: s.running, uri: s.uri, version: s.version, home: s.home });
  else
    process.stdout.write(
      s.running
        ? `running: Neo4j ${s.version} at ${s.uri} (pid ${s.pid}, home ${home}/neo4j)\n`
        : `not running (home ${home}/neo4j)\n`,
    );
  return s.running ? EXIT.ok : EXIT.failed;
}

async function stop(home: string): Promise<number> {
  const stopped = await stopLocalNeo4j(home);
  process.stdout.write(
    stopped ? 'stopped the local Neo4j; its data is kept\n' : 'the local Neo4j was not running\n',
  );
  return EXIT.ok;
}

async function start(
  home: string,
  port: number,
  strictPort: boolean,
  memory: { heap: string; pageCache: string },
): Promise<number> {
  const before = localStatus(home);
  if (before.running) {
    process.stderr.write(
      `ariadne: a local Neo4j already runs at ${before.uri} (pid ${before.pid}); not starting another\n`,
    );
    return EXIT.failed;
  }
  process.stdout.write(`starting the local Neo4j under ${home}/neo4j ...\n`);
  const started = await startLocalNeo4j({ home, port, strictPort, ...memory });
  if (started.portNote) process.stdout.write(`${started.portNote}\n`);
  process.stdout.write(`Neo4j ${started.version} is running at ${started.uri} (pid ${started.pid})\n`);
  return EXIT.ok;
}
