/**
 * The `ariadne` command line. Each file in ./commands exports `commands: Command[]`; the index in
 * ./command-index.ts names them, and only the module of the command that runs is imported.
 */
import { COMMAND_INDEX, type IndexedCommand } from './command-index.ts';
import { EXIT } from './exit-codes.ts';

function help(commands: readonly IndexedCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: ariadne <command> [options]   (ariadne <command> --help for one command)\n\ncommands:\n${lines.join('\n')}\n\nEnvironment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (a Neo4j of your own), ARIADNE_HOME (default .data), PORT (default 8080).\n`;
}

/** Runs one command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help(COMMAND_INDEX));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMAND_INDEX.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`ariadne: unknown command ${JSON.stringify(name)}\n\n${help(COMMAND_INDEX)}`);
    return EXIT.usage;
  }
  const command = (await entry.load()).commands.find((c) => c.name === name);
  if (!command)
    throw new Error(`ariadne: the module of ${name} exports no such command; fix command-index.ts`);
  return command.run(rest);
}
