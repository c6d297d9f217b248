/**
 * One throwaway local Neo4j for the whole integration run: a temporary data folder, a free port,
 * stopped and removed afterwards. Tests reach it through `inject('neo4j')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../server/local/neo4j.ts';
import { findFreePort } from '../server/local/net.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  home: string;
  port: number;
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const home = mkdtempSync(join(tmpdir(), 'ariadne-test-'));
  const port = await findFreePort();
  const started = await startLocalNeo4j({ home, port, strictPort: true, heap: '2g' });
  const { user, password } = localCredentials(home);
  const version = started.version ?? 'unknown';
  process.stdout.write(
    `\nIntegration tests run against Neo4j ${version} (Community) at ${started.uri}, data in ${home}\n`,
  );
  project.provide('neo4j', {
    uri: started.uri ?? `bolt://127.0.0.1:${port}`,
    user,
    password,
    home,
    port,
    version,
  });
  return async () => {
    await stopLocalNeo4j(home);
    rmSync(home, { recursive: true, force: true });
  };
}
