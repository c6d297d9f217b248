/**
 * The provenance every converted row carries: the publication as its Source, graded B2 in the
 * Europol scheme (a reliable academic source; facts known to it from court records) and handled H0.
 */
import type { Cell } from './csv.ts';

/** A publication the converted network comes from. */
export interface Publication {
  id: string;
  name: string;
  reference: string;
  agency: string;
  country: string;
  date: string;
}

/** The provenance cells of a row backed by a publication. */
export function provenanceCells(publication: Publication): Record<string, Cell> {
  return { sources: [publication.id], grade: 'B2', gradeScheme: 'europol', handling: 'H0' };
}

/** The Source entity row of a publication. */
export function sourceRow(publication: Publication): Record<string, Cell> {
  return {
    id: publication.id,
    type: 'Source',
    name: publication.name,
    reference: publication.reference,
    agency: publication.agency,
    country: publication.country,
    date: publication.date,
    ...provenanceCells(publication),
  };
}
