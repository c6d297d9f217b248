/**
 * The demo case, loaded as a user would load a case: generated as NDJSON into `<home>/demo/` (with its
 * ground truth, which stays in that folder and never enters the database), then ingested.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { writeDemoFiles } from '../../seeds/demo/generate.ts';
import type { GroundTruth } from '../../seeds/demo/types.ts';
import { loadConfig } from '../config.ts';
import { ENTITY_LABELS } from '../schema/model.ts';
import { hasEntities } from '../store/imports.ts';
import type { Store } from '../store/store.ts';
import { ingestFiles } from './run-import.ts';
import type { IngestProgress, IngestReport } from './types.ts';

/** The database already holds entities and --force was not given. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

/** Options of loadDemoCase. */
export interface DemoLoadOptions {
  force?: boolean | undefined;
  scale?: number | undefined;
  say?: ((line: string) => void) | undefined;
  /** Where the files go: `<home>/demo`; defaults to ARIADNE_HOME. */
  home?: string | undefined;
  user?: string | undefined;
  onProgress?: ((progress: IngestProgress) => void) | undefined;
}

/** Writes the demo case's files and ingests them; refuses a database that holds entities unless forced. */
export async function loadDemoCase(
  store: Store,
  options: DemoLoadOptions = {},
): Promise<{ dir: string; truth: GroundTruth; report: IngestReport }> {
  const say = options.say ?? (() => {});
  if (!options.force && (await hasEntities(store, ENTITY_LABELS))) {
    throw new DemoRefusedError(
      'the database already holds entities: the demo case is loaded only into an empty database (pass --force to add it anyway)',
    );
  }
  const dir = join(options.home ?? loadConfig().home, 'demo');
  const scale = options.scale ?? 1;
  say(`Writing the demo case (scale ${scale}) to ${dir}`);
  const truth = await writeDemoFiles(dir, { scale });
  say(`Loading ${truth.counts.totalEntities} entities and ${truth.counts.totalLinks} links`);
  const report = await ingestFiles(store, [join(dir, 'demo-case.ndjson')], {
    user: options.user ?? userInfo().username,
    onProgress: options.onProgress,
  });
  return { dir, truth, report };
}
