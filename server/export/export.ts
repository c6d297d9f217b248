/**
 * Runs one export: reads the source (twice for the formats whose headers come first), writes the
 * file or CSV folder under temporary names, and puts them in place only when complete.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scanColumns } from './columns.ts';
import { writeCsv } from './csv.ts';
import type { GexfVersion } from '../schema/api/export.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { LossTally } from './losses.ts';
import type { Marking } from './marking.ts';
import { writeNdjson } from './ndjson.ts';
import { FileSink } from './sinks.ts';
import type { ExportFormat, ExportSource, Loss } from './types.ts';

/** Options of runExport. */
export interface ExportOptions {
  format: ExportFormat;
  /** A file for ndjson, gexf and graphml; a folder (created) for csv. */
  out: string;
  excelSafe?: boolean;
  /** GEXF only: 1.2 (default) or 1.3. */
  gexfVersion?: GexfVersion | undefined;
  /** What the GEXF description says (e.g. the case). */
  description?: string;
  /** The handling marking written into the files (server/export/marking.ts). */
  marking?: Marking | undefined;
}

/** What an export wrote: files, counts per type, and values the file cannot carry back exactly. */
export interface ExportSummary {
  format: ExportFormat;
  files: string[];
  entities: Record<string, number>;
  links: Record<string, number>;
  losses: Loss[];
}

async function* counted<T extends { type: string }>(
  records: AsyncIterable<T>,
  counts: Record<string, number>,
): AsyncGenerator<T> {
  for await (const record of records) {
    counts[record.type] = (counts[record.type] ?? 0) + 1;
    yield record;
  }
}

async function writeAll(sinks: FileSink[], write: () => Promise<void>): Promise<void> {
  try {
    await write();
    for (const sink of sinks) await sink.commit();
  } catch (error) {
    for (const sink of sinks) await sink.abort();
    throw error;
  }
}

/** Exports the source in the format to `out`, and returns the summary. */
export async function runExport(source: ExportSource, options: ExportOptions): Promise<ExportSummary> {
  const summary: ExportSummary = { format: options.format, files: [], entities: {}, links: {}, losses: [] };
  // Counted on the writing pass only, so the column scan does not count twice.
  const writing: ExportSource = {
    entities: () => counted(source.entities(), summary.entities),
    links: () => counted(source.links(), summary.links),
  };
  const losses = new LossTally();
  if (options.format === 'csv') {
    await mkdir(options.out, { recursive: true });
    const columns = await scanColumns(source);
    const entities = await FileSink.open(join(options.out, 'entities.csv'));
    const links = await FileSink.open(join(options.out, 'links.csv'));
    await writeAll([entities, links], () =>
      writeCsv(writing, columns, { entities, links }, losses, {
        excelSafe: options.excelSafe === true,
        marking: options.marking,
      }),
    );
    summary.files = [entities.path, links.path];
  } else {
    await mkdir(dirname(options.out), { recursive: true });
    const columns = options.format === 'ndjson' ? undefined : await scanColumns(source);
    const sink = await FileSink.open(options.out);
    await writeAll([sink], async () => {
      if (columns === undefined) await writeNdjson(writing, sink, losses, options.marking);
      else if (options.format === 'gexf')
        await writeGexf(writing, columns, sink, {
          description: options.description,
          marking: options.marking,
          version: options.gexfVersion,
        });
      else await writeGraphml(writing, columns, sink, options.marking);
    });
    summary.files = [sink.path];
  }
  summary.losses = losses.list();
  return summary;
}
