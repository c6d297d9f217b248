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
import { parseJsonLine } from './json-line.ts';
import { readLines } from './lines.ts';
import type { ReadItem, ReadOptions, ReadStats } from './types.ts';
import { createReadStats, DEFAULT_MAX_LINE_BYTES } from './types.ts';

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
export async function* readFtm(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem, ReadStats> {
  const stats = options.stats ?? createReadStats();
  for await (const event of readLines(path, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, stats)) {
    if (event.type === 'problem') {
      yield { file: path, line: event.line, message: event.message };
      continue;
    }
    if (event.text.trim() === '') continue;
    const parsed = parseJsonLine(event.text, event.eol === '');
    if (!parsed.ok) {
      yield { file: path, line: event.line, message: parsed.message, ...fieldOf(parsed.field) };
      continue;
    }
    const entity = toFtmEntity(parsed.value);
    if (!('schema' in entity)) {
      yield { file: path, line: event.line, field: entity.field, message: entity.message };
      continue;
    }
    const mapper = FTM_MAPPERS[entity.schema];
    if (mapper === undefined) {
      stats.unmapped[entity.schema] = (stats.unmapped[entity.schema] ?? 0) + 1;
      continue;
    }
    for (const mapped of mapper(entity)) {
      yield 'kind' in mapped
        ? { file: path, line: event.line, ...mapped }
        : { file: path, line: event.line, field: mapped.field, message: mapped.message };
    }
  }
  return stats;
}

function fieldOf(field: string | undefined): { field?: string } {
  return field === undefined ? {} : { field };
}
