/**
 * Ariadne NDJSON out, in the shape the NDJSON reader reads (server/ingest/readers/README.md):
 * entities first, then links, one object a line. An entity type with a `kind` of its own writes it
 * as the record's `kind` (`{"kind":"passport","type":"Document",...}`), which the reader takes as
 * the entity's field; a `kind` the reader cannot carry back is left out and reported as a loss.
 */
import { MARKING_KIND } from '../ingest/readers/marking.ts';
import { TYPES_WITH_OWN_KIND } from '../ingest/readers/ndjson.ts';
import type { Marking } from './marking.ts';
import type { LossTally } from './losses.ts';
import type { ExportEntity, ExportLink, ExportSource, TextSink } from './types.ts';

const RECORD_KINDS = new Set(['entity', 'link']);

/** One entity as an NDJSON line (newline included). */
export function entityLine(entity: ExportEntity, losses: LossTally): string {
  const { kind, type, ...rest } = entity.properties;
  if (type !== undefined) losses.note(entity.type, 'type', 'the record type takes the "type" key');
  let recordKind = 'entity';
  if (kind !== undefined) {
    const carried =
      TYPES_WITH_OWN_KIND.has(entity.type) && typeof kind === 'string' && !RECORD_KINDS.has(kind);
    if (carried) recordKind = kind;
    else losses.note(entity.type, 'kind', 'the NDJSON reader reads "kind" as the record kind for this value');
  }
  return `${JSON.stringify({ kind: recordKind, type: entity.type, ...rest })}\n`;
}

/** One link as an NDJSON line (newline included). */
export function linkLine(link: ExportLink, losses: LossTally): string {
  const { kind, type, id, ...rest } = link.properties;
  if (type !== undefined) losses.note(link.type, 'type', 'the record type takes the "type" key');
  if (kind !== undefined) losses.note(link.type, 'kind', 'the NDJSON reader reads "kind" as the record kind');
  const record = { kind: 'link', type: link.type, id, source: link.source, target: link.target, ...rest };
  return `${JSON.stringify(record)}\n`;
}

/**
 * Writes every entity, then every link, as NDJSON; a marking goes first, as a line of its own kind
 * that the NDJSON reader skips (`{"kind":"marking","handling":"H2","marking":"Handling H2: ..."}`).
 */
export async function writeNdjson(
  source: ExportSource,
  sink: TextSink,
  losses: LossTally,
  marking?: Marking,
): Promise<void> {
  if (marking !== undefined)
    await sink.write(
      `${JSON.stringify({ kind: MARKING_KIND, handling: marking.handling, marking: marking.text })}\n`,
    );
  for await (const entity of source.entities()) await sink.write(entityLine(entity, losses));
  for await (const link of source.links()) await sink.write(linkLine(link, losses));
}
