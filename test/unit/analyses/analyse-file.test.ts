import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('ariadne analyse --file', () => {
  it('puts the CAVIAR mastermind n1 and his lieutenant n3 in the top five by betweenness, without a database', async () => {
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' };
    const result = await runCli(
      ['analyse', '--file', join(root, 'seeds', 'caviar'), '--only', 'centrality', '--json'],
      env,
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { entities: Record<string, { betweenness: number }> };
    const top = Object.entries(json.entities)
      .sort(([, a], [, b]) => b.betweenness - a.betweenness)
      .slice(0, 5)
      .map(([id]) => id);
    expect(top).toContain('caviar:n1');
    expect(top).toContain('caviar:n3');
    expect(result.stderr).toMatch(/111 entities and 205 links/);
  });

  it('refuses scope options, which only apply to the database', async () => {
    const result = await runCli(
      ['analyse', '--file', join(root, 'seeds', 'caviar'), '--case', 'x'],
      process.env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/drop --case/);
  });
});
