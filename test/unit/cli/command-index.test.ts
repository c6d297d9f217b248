import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_INDEX } from '../../../scripts/cli/command-index.ts';
import type { Command } from '../../../scripts/cli/common.ts';

const COMMANDS_DIR = join(import.meta.dirname, '..', '..', '..', 'scripts', 'cli', 'commands');

async function exportedCommands(): Promise<{ name: string; summary: string }[]> {
  const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules = await Promise.all(files.map((f) => import(join(COMMANDS_DIR, f))));
  return modules
    .flatMap((m: { commands?: Command[] }) => m.commands ?? [])
    .map(({ name, summary }) => ({ name, summary }));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe('the command index', () => {
  it('lists exactly the commands that the modules in scripts/cli/commands export, with their summaries', async () => {
    const indexed = COMMAND_INDEX.map(({ name, summary }) => ({ name, summary }));
    expect(indexed.sort(byName)).toEqual((await exportedCommands()).sort(byName));
  });

  it('loads, for each command, a module that exports it', async () => {
    for (const entry of COMMAND_INDEX) {
      const { commands } = await entry.load();
      expect(commands.map((c) => c.name)).toContain(entry.name);
    }
  });

  it('names each command once, in alphabetical order as --help prints them', () => {
    const names = COMMAND_INDEX.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });
});
