/**
 * CAVIAR: the drug-importation network investigated in Montreal in 1994-1996, as wiretaps recorded
 * it (Morselli, C. (2009) Inside Criminal Networks, Springer; UCINET covert networks collection).
 * Persons become Person entities; each pair's intercepted calls become a CONTACTED link weighted by
 * the calls, with the wiretap phases in which the pair spoke.
 */
import type { PersonRole } from '../../server/schema/model.ts';
import { type Cell, parseCsv, writeCsv } from './csv.ts';
import { type Publication, provenanceCells, sourceRow } from './provenance.ts';

/** The publication behind CAVIAR. */
export const CAVIAR_SOURCE: Publication = {
  id: 'src:morselli-2009-caviar',
  name: 'Morselli (2009), Inside Criminal Networks: the CAVIAR network',
  reference: 'Morselli, C. (2009) Inside Criminal Networks, Springer; UCINET covert networks collection',
  agency: 'Universite de Montreal (academic publication)',
  country: 'CA',
  date: '2009-01-01',
};

// How the roles in Morselli's key-player list map onto Ariadne's; unmatched roles keep only caviarRole.
const ROLE_RULES: readonly [RegExp, readonly PersonRole[]][] = [
  [/mastermind|principal lieutenant|principal organizer/i, ['organiser']],
  [/investor and transporter of money/i, ['money broker', 'transporter']],
  [/accountant|financial manager|investor/i, ['money broker']],
  [/transport|recuperating|took possession/i, ['transporter']],
];

/** The Ariadne roles for a CAVIAR role description (empty when none fits). */
export function mapCaviarRole(description: string): PersonRole[] {
  for (const [pattern, roles] of ROLE_RULES) if (pattern.test(description)) return [...roles];
  return [];
}

/** The raw CAVIAR files a conversion reads, by file name. */
export type CaviarFiles = Record<string, string>;

const ENTITY_COLUMNS = [
  'id',
  'type',
  'name',
  'roles',
  'caviarRole',
  'sourceRef',
  'reference',
  'agency',
  'country',
  'date',
  'sources',
  'grade',
  'gradeScheme',
  'handling',
];
const LINK_COLUMNS = [
  'source',
  'target',
  'type',
  'weight',
  'phases',
  'sources',
  'grade',
  'gradeScheme',
  'handling',
];

const personId = (node: string): string => `caviar:n${node}`;

/** Converts the CAVIAR files into the Ariadne CSV pair. */
export function convertCaviar(files: CaviarFiles): { entities: string; links: string } {
  const read = (name: string) => parseCsv(files[name] ?? '');
  const keyPlayers = new Map(read('caviar_key_players.csv').map((row) => [row.node_id ?? '', row]));
  const provenance = provenanceCells(CAVIAR_SOURCE);
  const nodes = read('CAVIAR_FULL_nodes.csv').map((row) => row.name ?? '');
  const entities: Record<string, Cell>[] = [sourceRow(CAVIAR_SOURCE)];
  for (const node of [...nodes].sort((a, b) => Number(a) - Number(b))) {
    const key = keyPlayers.get(node);
    const roles = key ? mapCaviarRole(key.role ?? '') : [];
    entities.push({
      id: personId(node),
      type: 'Person',
      name: key?.name ?? `CAVIAR participant n${node}`,
      roles: roles.length > 0 ? roles : undefined,
      caviarRole: key?.role,
      sourceRef: `n${node}`,
      ...provenance,
    });
  }
  const phases = new Map<string, number[]>();
  for (let phase = 1; phase <= 11; phase++) {
    for (const edge of read(`CAVIAR${phase}_edges.csv`)) {
      const pair = [edge.from, edge.to].join('>');
      phases.set(pair, [...(phases.get(pair) ?? []), phase]);
    }
  }
  const links = read('CAVIAR_FULL_edges.csv').map((edge) => ({
    source: personId(edge.from ?? ''),
    target: personId(edge.to ?? ''),
    type: 'CONTACTED',
    weight: Number(edge.weight),
    phases: (phases.get([edge.from, edge.to].join('>')) ?? []).map(String),
    ...provenance,
  }));
  return { entities: writeCsv(ENTITY_COLUMNS, entities), links: writeCsv(LINK_COLUMNS, links) };
}
