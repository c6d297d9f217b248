/** The `ariadne` command line: one command per file, dispatched by name. */
import { type Command, EXIT } from './common.ts';
import { neo4jCommand } from './neo4j.ts';
import { serveCommand, startCommand } from './serve.ts';
import { statsCommand } from './stats.ts';

const COMMANDS: Command[] = [neo4jCommand, statsCommand, serveCommand, startCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: ariadne <command> [options]   (ariadne <command> --help for one command)\n\ncommands:\n${lines.join('\n')}\n\nEnvironment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (a Neo4j of your own), ARIADNE_HOME (default .data), PORT (default 8080).\n`;
}

/** Runs one command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`ariadne: unknown command ${JSON.stringify(name)}\n\n${help()}`);
    return EXIT.usage;
  }
  return command.run(rest);
}
