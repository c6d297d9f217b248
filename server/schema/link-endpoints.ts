/**
 * Which entity labels each relationship type may join. Strict where analyses depend on the shape (money
 * runs party -> Payment -> party, routes run Route -> Location in order, SAME_AS joins like with like),
 * permissive where real reporting varies. The ingest checks these once link ends are resolved to labels.
 */
import { ENTITY_LABELS, type EntityLabel, type LinkType } from './model.ts';

/** The labels a link type may start and end at; `sameLabel` requires both ends to share a label. */
export type LinkEndpoints = {
  source: readonly EntityLabel[];
  target: readonly EntityLabel[];
  sameLabel?: boolean;
};

const ANY = ENTITY_LABELS;
const PARTIES: readonly EntityLabel[] = ['Person', 'Organisation'];
const MONEY_PARTIES: readonly EntityLabel[] = ['Person', 'Organisation', 'Account'];
const CONVEYANCES: readonly EntityLabel[] = ['Vessel', 'Vehicle'];

/** The allowed endpoints of every link type. */
export const LINK_ENDPOINTS: Readonly<Record<LinkType, LinkEndpoints>> = {
  ASSOCIATE_OF: { source: PARTIES, target: PARTIES },
  FAMILY_OF: { source: ['Person'], target: ['Person'] },
  MEMBER_OF: { source: PARTIES, target: ['Organisation'] },
  LEADS: { source: ['Person'], target: ['Organisation', 'Person'] },
  EMPLOYED_BY: { source: ['Person'], target: PARTIES },
  HOLDS: { source: ['Person'], target: ['Document'] },
  USED: { source: PARTIES, target: ['Document', 'Vehicle', 'Vessel', 'Communication', 'Account'] },
  OWNS: { source: PARTIES, target: ANY },
  OPERATES: { source: PARTIES, target: CONVEYANCES },
  CREWED: { source: PARTIES, target: CONVEYANCES },
  HOLDS_ACCOUNT: { source: PARTIES, target: ['Account'] },
  PAID: { source: MONEY_PARTIES, target: ['Payment'] },
  RECEIVED: { source: ['Payment'], target: MONEY_PARTIES },
  CONTACTED: { source: [...PARTIES, 'Communication'], target: [...PARTIES, 'Communication'] },
  SMUGGLED: { source: ['Person'], target: ['Person'] },
  TRAVELLED: { source: ['Person'], target: ['Route', 'Event'] },
  ROUTE_LEG: { source: ['Route'], target: ['Location'] },
  LOCATED_IN: {
    source: ['Event', 'Person', 'Organisation', 'Location', 'Vessel', 'Vehicle'],
    target: ['Location'],
  },
  BASED_IN: { source: PARTIES, target: ['Location'] },
  INVOLVED_IN: { source: ANY, target: ['Offence', 'Event'] },
  SUSPECTED_OF: { source: PARTIES, target: ['Offence', 'Event'] },
  CONVICTED_OF: { source: PARTIES, target: ['Offence', 'Event'] },
  PART_OF: { source: ANY, target: ['Case'] },
  REPORTED_IN: { source: ANY, target: ['Source'] },
  SAME_AS: { source: ANY, target: ANY, sameLabel: true },
};

function list(labels: readonly EntityLabel[]): string {
  if (labels.length === ENTITY_LABELS.length) return 'any entity';
  if (labels.length === 1) return `a ${labels[0]}`;
  return `a ${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

function fits(rule: LinkEndpoints, sourceLabel: EntityLabel, targetLabel: EntityLabel): boolean {
  return (
    rule.source.includes(sourceLabel) &&
    rule.target.includes(targetLabel) &&
    (!rule.sameLabel || sourceLabel === targetLabel)
  );
}

/** Checks a link's resolved end labels; returns a message saying what is allowed (and whether to swap), or undefined. */
export function checkLinkEndpoints(
  type: LinkType,
  sourceLabel: EntityLabel,
  targetLabel: EntityLabel,
): string | undefined {
  const rule = LINK_ENDPOINTS[type];
  if (fits(rule, sourceLabel, targetLabel)) return undefined;
  if (rule.sameLabel) {
    return `${type} joins two entities of the same label; here it joins a ${sourceLabel} to a ${targetLabel}: link only records of one kind`;
  }
  const swap = fits(rule, targetLabel, sourceLabel) ? ': swap source and target' : '';
  return `${type} goes from ${list(rule.source)} to ${list(rule.target)}; here it goes from a ${sourceLabel} to a ${targetLabel}${swap}`;
}
