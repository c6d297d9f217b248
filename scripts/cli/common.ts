/** What every command shares: exit codes, argument parsing validated by zod, and error reporting. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { ConfigError } from '../../server/config.ts';
import { LocalNeo4jError } from '../../server/local/neo4j.ts';
import { StoreUnavailableError } from '../../server/store/errors.ts';
import { EXIT } from './exit-codes.ts';

export { EXIT } from './exit-codes.ts';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** A wrong argument; the message says which and what to pass instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses argv with node's parser, then validates the values with a zod schema. */
export function parseCommand<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  positionals = false,
): z.infer<S> & { positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean' } },
      allowPositionals: positionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
    throw new UsageError(lines.join('\n'));
  }
  return { ...(result.data as object), positionals: parsed.positionals } as z.infer<S> & {
    positionals: string[];
  };
}

/** Prints an error the way a user can act on, and returns the exit code it deserves. */
export function report(error: unknown, usage?: string): number {
  if (error instanceof UsageError) {
    process.stderr.write(`ariadne: ${error.message}\n${usage ? `usage: ${usage}\n` : ''}`);
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`ariadne: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof StoreUnavailableError) {
    process.stderr.write(`ariadne: ${error.message}\n`);
    return EXIT.unavailable;
  }
  // By name: importing the bulk path here would load the whole ingest into every command.
  const name = error instanceof Error ? error.name : '';
  if (name === 'BulkRefusedError') {
    process.stderr.write(`ariadne: bulk load refused: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (name === 'BulkLoadError') {
    process.stderr.write(`ariadne: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  if (error instanceof LocalNeo4jError) {
    process.stderr.write(`ariadne: ${error.message}\n`);
    return EXIT.unavailable;
  }
  process.stderr.write(
    `ariadne: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failed;
}

/** Writes a value as JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
