/**
 * The London street gang network (Grund, T. & Densley, J. (2015), "Ethnic homophily and triad
 * closure: mapping internal gang structure using exponential random graph models", Journal of
 * Contemporary Criminal Justice 31(3)). Ties: 1 hang out together, 2 co-offend, 3 co-offend in
 * serious crime, 4 kin. Node attributes are kept as properties, with the birthplace code decoded.
 */
import { type Cell, parseCsv, writeCsv } from './csv.ts';
import { type Publication, provenanceCells, sourceRow } from './provenance.ts';

/** The publication behind the London gang network. */
export const LONDON_GANG_SOURCE: Publication = {
  id: 'src:grund-densley-2015-london-gang',
  name: 'Grund and Densley (2015): London street gang network',
  reference:
    'Grund, T. & Densley, J. (2015) Ethnic homophily and triad closure: mapping internal gang structure using exponential random graph models. Journal of Contemporary Criminal Justice 31(3)',
  agency: 'Academic publication',
  country: 'GB',
  date: '2015-08-01',
};

// Tie codes of the data set: the link type and the kind of tie it records.
const TIES: Record<string, { type: string; tie: string }> = {
  '1': { type: 'ASSOCIATE_OF', tie: 'hang out' },
  '2': { type: 'ASSOCIATE_OF', tie: 'co-offend' },
  '3': { type: 'ASSOCIATE_OF', tie: 'serious crime' },
  '4': { type: 'FAMILY_OF', tie: 'kin' },
};

// Birthplace codes as documented with the data set.
const BIRTHPLACES: Record<string, string> = {
  '1': 'West Africa',
  '2': 'Caribbean',
  '3': 'UK',
  '4': 'East Africa',
};

const ENTITY_COLUMNS = [
  'id',
  'type',
  'name',
  'sourceRef',
  'age',
  'birthplace',
  'birthplaceRegion',
  'residence',
  'arrests',
  'convictions',
  'prison',
  'music',
  'ranking',
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
  'tie',
  'role',
  'sources',
  'grade',
  'gradeScheme',
  'handling',
];

const personId = (node: string): string => `london-gang:${node}`;

/** Converts the London gang node and edge files into the Ariadne CSV pair. */
export function convertLondonGang(nodesCsv: string, edgesCsv: string): { entities: string; links: string } {
  const provenance = provenanceCells(LONDON_GANG_SOURCE);
  const entities: Record<string, Cell>[] = [sourceRow(LONDON_GANG_SOURCE)];
  for (const row of parseCsv(nodesCsv)) {
    const node = row.name ?? '';
    entities.push({
      id: personId(node),
      type: 'Person',
      name: `Gang member ${node}`,
      sourceRef: node,
      age: Number(row.Age),
      birthplace: Number(row.Birthplace),
      birthplaceRegion: BIRTHPLACES[row.Birthplace ?? ''],
      residence: Number(row.Residence),
      arrests: Number(row.Arrests),
      convictions: Number(row.Convictions),
      prison: Number(row.Prison),
      music: Number(row.Music),
      ranking: Number(row.Ranking),
      ...provenance,
    });
  }
  const links = parseCsv(edgesCsv).map((edge) => {
    const tie = TIES[edge.weight ?? ''];
    if (!tie) throw new Error(`seeds/covert: unknown London gang tie code ${edge.weight}`);
    return {
      source: personId(edge.from ?? ''),
      target: personId(edge.to ?? ''),
      type: tie.type,
      weight: Number(edge.weight),
      tie: tie.tie,
      role: tie.type === 'FAMILY_OF' ? 'kin' : undefined,
      ...provenance,
    };
  });
  return { entities: writeCsv(ENTITY_COLUMNS, entities), links: writeCsv(LINK_COLUMNS, links) };
}
