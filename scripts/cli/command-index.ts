/**
 * The commands by name, with the one-line summary that `ariadne --help` prints and the module that
 * implements each. Only the module of the command that runs is imported, so that `--help` and quick
 * commands do not load the whole server. test/unit/cli/command-index.test.ts checks that this list
 * matches what the modules in ./commands export.
 */
import type { Command } from './common.ts';

export interface IndexedCommand {
  name: string;
  summary: string;
  /** Imports the module that exports this command in its `commands`. */
  load(): Promise<{ commands: Command[] }>;
}

export const COMMAND_INDEX: readonly IndexedCommand[] = [
  {
    name: 'analyse',
    summary: 'find communities, key players, brokers, money flows and links to other crime',
    load: () => import('./commands/analyse.ts'),
  },
  {
    name: 'audit',
    summary: 'verify the audit trail’s hash chain, or list its events',
    load: () => import('./commands/audit.ts'),
  },
  {
    name: 'demo',
    summary: 'load the demo case (five smuggling syndicates, ground truth kept aside) into an empty database',
    load: () => import('./commands/demo.ts'),
  },
  {
    name: 'disrupt',
    summary: 'simulate taking key entities out of the network',
    load: () => import('./commands/disrupt.ts'),
  },
  {
    name: 'export',
    summary: 'write the graph or one case as NDJSON, CSV, GEXF or GraphML',
    load: () => import('./commands/export.ts'),
  },
  {
    name: 'ingest',
    summary: 'validate NDJSON, CSV or FollowTheMoney files completely, then write them into Neo4j',
    load: () => import('./commands/ingest.ts'),
  },
  {
    name: 'neo4j',
    summary: 'start, stop or inspect the local Neo4j (Community 5.26, Bolt on 127.0.0.1)',
    load: () => import('./commands/neo4j.ts'),
  },
  {
    name: 'paths',
    summary: 'shortest and all simple paths between two entities, with link types and grades',
    load: () => import('./commands/paths.ts'),
  },
  {
    name: 'report',
    summary: 'write the joint threat report material (PDF, HTML or Markdown), every claim cited',
    load: () => import('./commands/report.ts'),
  },
  {
    name: 'serve',
    summary: 'serve the API and the web app',
    load: () => import('./commands/serve.ts'),
  },
  {
    name: 'start',
    summary: 'start Neo4j if needed, load the demo case into an empty database, and serve',
    load: () => import('./commands/serve.ts'),
  },
  {
    name: 'stats',
    summary: 'count the nodes per label and relationships per type',
    load: () => import('./commands/stats.ts'),
  },
  {
    name: 'trace',
    summary: 'follow the money from (or back into) a party, respecting time',
    load: () => import('./commands/trace.ts'),
  },
  {
    name: 'users',
    summary: 'add, list and disable users',
    load: () => import('./commands/users.ts'),
  },
];
