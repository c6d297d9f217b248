/**
 * The `ariadne` command line. Each file in ./commands exports `commands: Command[]`; they are found
 * at start, so adding a command is adding a file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, EXIT } from './common.ts';

const COMMANDS_DIR = join(import.meta.dirname, 'commands');

async function loadCommands(): Promise<Command[]> {
  const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules = await Promise.all(files.sort().map((f) => import(join(COMMANDS_DIR, f))));
  return modules.flatMap((m: { commands?: Command[] }) => m.commands ?? []);
}

function help(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: ariadne <command> [options]   (ariadne <command> --help for one command)\n\ncommands:\n${lines.join('\n')}\n\nEnvironment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (a Neo4j of your own), ARIADNE_HOME (default .data), PORT (default 8080).\n`;
}

/** Runs one command and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const commands = await loadCommands();
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`ariadne: unknown command ${JSON.stringify(name)}\n\n${help(commands)}`);
    return EXIT.usage;
  }
  return command.run(rest);
}
