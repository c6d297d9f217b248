/**
 * Reads FollowTheMoney entities as NDJSON, the way Aleph and OpenSanctions publish them
 * (`{"id","schema","properties":{prop:[values]}}`), and maps them onto Ariadne records. Each record
 * keeps the FtM schema in `ftmSchema`. Schemata with no counterpart are counted in `unmapped` (the
 * generator's return value, and `options.stats`), never dropped silently.
 */
import type { FtmEntity } from './ftm-entity.ts';
import { toFtmEntity } from './ftm-entity.ts';
import type { Mapped } from './ftm-fields.ts';
import {
  mapAddress,
  mapBankAccount,
  mapCryptoWallet,
  mapDocument,
  mapOrganisation,
  mapPayment,
  mapPerson,
  mapVehicle,
  mapVessel,
} from './ftm-map-entities.ts';
import { LINK_RULES, mapNote, mapRelationship, mapSanction } from './ftm-map-links.ts';
import { jsonObjectOf } from './json-line.ts';
import { type LineEvent, readLineBatches } from './lines.ts';
import type { ReadItem, ReadOptions, ReadStats } from './types.ts';
import { createReadStats, DEFAULT_MAX_LINE_BYTES, oneByOne } from './types.ts';

type Mapper = (entity: FtmEntity) => Mapped[];

/** The FtM schemata read, and how. */
export const FTM_MAPPERS: Readonly<Record<string, Mapper>> = {
  Person: mapPerson,
  Organization: mapOrganisation,
  Company: mapOrganisation,
  LegalEntity: mapOrganisation,
  PublicBody: mapOrganisation,
  Passport: mapDocument,
  Identification: mapDocument,
  Vessel: mapVessel,
  Vehicle: mapVehicle,
  BankAccount: mapBankAccount,
  CryptoWallet: mapCryptoWallet,
  Payment: mapPayment,
  Address: mapAddress,
  Sanction: mapSanction,
  Note: mapNote,
  ...Object.fromEntries(Object.keys(LINK_RULES).map((schema) => [schema, mapRelationship])),
};

/** Streams Ariadne records mapped from a FollowTheMoney NDJSON file; returns the unmapped counts. */
export function readFtm(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem, ReadStats> {
  return oneByOne(readFtmBatches(path, options));
}

/** The records of `readFtm`, a batch for each batch of lines read (readLineBatches); returns the unmapped counts. */
export async function* readFtmBatches(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[], ReadStats> {
  const stats = options.stats ?? createReadStats();
  for await (const events of readLineBatches(path, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, stats)) {
    const items: ReadItem[] = [];
    for (const event of events) readFtmLine(path, event, items, stats);
    if (items.length > 0) yield items;
  }
  return stats;
}

// One line into `items`: the records it maps to, its error, or nothing (a blank line, an unmapped schema).
function readFtmLine(path: string, event: LineEvent, items: ReadItem[], stats: ReadStats): void {
  const value = jsonObjectOf(path, event, items);
  if (value === null) return;
  const entity = toFtmEntity(value);
  if (!('schema' in entity)) {
    items.push({ file: path, line: event.line, field: entity.field, message: entity.message });
    return;
  }
  const mapper = FTM_MAPPERS[entity.schema];
  if (mapper === undefined) {
    stats.unmapped[entity.schema] = (stats.unmapped[entity.schema] ?? 0) + 1;
    return;
  }
  for (const mapped of mapper(entity)) {
    items.push(
      'kind' in mapped
        ? { file: path, line: event.line, ...mapped }
        : { file: path, line: event.line, field: mapped.field, message: mapped.message },
    );
  }
}
