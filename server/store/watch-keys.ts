/**
 * Match keys: a watch is filed under keys (`imo:9074729`, `entity:p1`, `link:p1`...), and a changed
 * record is read as the keys it carries, with the same normalisers the ingest applies, so that
 * matching is a handful of index seeks on the keys of what changed, never a scan of the watches or
 * of the data. Pure: no Cypher here.
 */
import { nameKey } from '../../analysis/core/name-key.ts';
import type { NewWatch } from '../schema/api/watches.ts';
import type { EntityLabel } from '../schema/model.ts';
import {
  foldName,
  type Normalised,
  normaliseCommunicationIdentifier,
  normaliseCountry,
  normaliseDocumentNumber,
  normaliseIban,
  normaliseImo,
  normaliseMmsi,
  normaliseName,
} from '../schema/normalise/index.ts';

/** A watch's input that cannot be read (an unknown country, a malformed IMO...). */
export class WatchInputError extends Error {
  override name = 'WatchInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function read<T>(field: string, result: Normalised<T>): T {
  if (!result.ok) throw new WatchInputError(field, result.message);
  return result.value;
}

/** The global key of the patterns that watch every record of a kind. */
export const DOCUMENT_REUSED_KEY = 'pattern:document-reused';
export const VESSEL_RENAMED_KEY = 'pattern:vessel-renamed';
/** Any new link may lead into a watched community: which one is known only from its ends' scores. */
export const COMMUNITY_LINK_KEY = 'pattern:community-link';

/** The keys a watch is filed under, and its parameters normalised. */
export function watchKeys(watch: NewWatch): { keys: string[]; parameters: Record<string, unknown> } {
  switch (watch.kind) {
    case 'entity':
      return { keys: [`entity:${watch.entity}`], parameters: { entity: watch.entity } };
    case 'identifier':
      return identifierKeys(watch);
    case 'pattern':
      switch (watch.pattern) {
        case 'new-link':
          return { keys: watch.entities.map((id) => `link:${id}`), parameters: { entities: watch.entities } };
        case 'typology-hit':
          return {
            keys: watch.entities.map((id) => `typology:${id}`),
            parameters: { entities: watch.entities },
          };
        case 'payment-over':
          return {
            keys: [`payment:${watch.account}`],
            parameters: {
              account: watch.account,
              amount: watch.amount,
              currency: watch.currency?.toUpperCase() ?? null,
            },
          };
        case 'document-reused': {
          const country =
            watch.country === undefined ? null : read('country', normaliseCountry(watch.country));
          return { keys: [DOCUMENT_REUSED_KEY], parameters: { country } };
        }
        case 'vessel-renamed':
          return watch.vessel === undefined
            ? { keys: [VESSEL_RENAMED_KEY], parameters: {} }
            : { keys: [`renamed:${watch.vessel}`], parameters: { vessel: watch.vessel } };
        case 'person-on-route':
          return { keys: [`route:${watch.route}`], parameters: { route: watch.route } };
        case 'community-link':
          return { keys: [COMMUNITY_LINK_KEY], parameters: { entity: watch.entity } };
      }
  }
}

function identifierKeys(watch: Extract<NewWatch, { kind: 'identifier' }>) {
  const { scheme, value } = watch;
  switch (scheme) {
    case 'document': {
      const number = read('value', normaliseDocumentNumber(value));
      const country = read('country', normaliseCountry(watch.country ?? ''));
      return { keys: [`document:${number}|${country}`], parameters: { scheme, value: number, country } };
    }
    case 'imo':
    case 'mmsi': {
      const normalised = read('value', (scheme === 'imo' ? normaliseImo : normaliseMmsi)(value));
      return { keys: [`${scheme}:${normalised}`], parameters: { scheme, value: normalised } };
    }
    case 'iban': {
      const iban = read('value', normaliseIban(value));
      return { keys: [`iban:${iban}`], parameters: { scheme, value: iban } };
    }
    case 'wallet': {
      const wallet = read('value', normaliseName(value));
      return { keys: [`wallet:${wallet}`], parameters: { scheme, value: wallet } };
    }
    case 'phone': {
      const phone = read('value', normaliseCommunicationIdentifier(value));
      return { keys: [`phone:${phone}`], parameters: { scheme, value: phone } };
    }
    case 'name': {
      const names = [value, ...(watch.transliterations ?? [])].map((name, index) =>
        read(index === 0 ? 'value' : `transliterations.${index - 1}`, normaliseName(name)),
      );
      const keys = [...new Set(names.map(nameWatchKey))];
      return { keys, parameters: { scheme, value: names[0], transliterations: names.slice(1) } };
    }
  }
}

/**
 * The key a name is filed and matched under: its name key (analysis/core/name-key.ts), so that a watch on
 * "Anwar" meets "Anouar" and "Benali, Anwar"; a name with no letters keeps its folded text.
 */
export function nameWatchKey(name: string): string {
  return `name:${nameKey(name) || foldName(name)}`;
}

/** What the matcher reads of a changed node. */
export interface NodeFacts {
  id: string;
  label: EntityLabel;
  props: Record<string, unknown>;
}

const NAMED: ReadonlySet<EntityLabel> = new Set(['Person', 'Organisation', 'Vessel']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function normalisedOr(result: Normalised<string>, raw: string): string {
  return result.ok ? result.value : raw;
}

/** The identifier keys a changed node carries: its document number, IMO, IBAN, names... */
export function nodeKeys({ id, label, props }: NodeFacts): string[] {
  const keys = [`entity:${id}`];
  const add = (prefix: string, value: string | undefined) => {
    if (value !== undefined) keys.push(`${prefix}:${value}`);
  };
  if (label === 'Document') {
    const number = text(props.number);
    const country = text(props.issuingCountry);
    if (number !== undefined && country !== undefined)
      add('document', `${normalisedOr(normaliseDocumentNumber(number), number)}|${country}`);
  }
  if (label === 'Vessel') {
    add('imo', text(props.imo));
    add('mmsi', text(props.mmsi));
    if (texts(props.pastNames).length > 0 || texts(props.pastFlags).length > 0) {
      keys.push(`renamed:${id}`, VESSEL_RENAMED_KEY);
    }
  }
  if (label === 'Account') {
    add('iban', text(props.iban));
    add('wallet', text(props.wallet));
    if (props.kind === 'mobile money') {
      const number = text(props.number);
      if (number !== undefined) add('phone', normalisedOr(normaliseCommunicationIdentifier(number), number));
    }
  }
  if (label === 'Communication') add('phone', text(props.identifier));
  if (NAMED.has(label)) {
    for (const name of [text(props.name), ...texts(props.aliases)])
      if (name !== undefined) keys.push(nameWatchKey(name));
  }
  return [...new Set(keys)];
}
