/** Small in-memory records for the export writer tests, with the values that are hard to carry. */
import type { ExportEntity, ExportLink, ExportSource } from '../../../server/export/types.ts';

/** A source over fixed arrays. */
export function memorySource(entities: ExportEntity[], links: ExportLink[]): ExportSource {
  return {
    entities: async function* () {
      yield* entities;
    },
    links: async function* () {
      yield* links;
    },
  };
}

/** Text that needs escaping in every format: quotes, commas, markup, line breaks, formulas, non-Latin. */
export const AWKWARD = 'Ahmed "the Broker" <al-Masri> & sons, Ltd.\r\nline two; \t tabbed — Ωμέγα 🚤';

/** Two people, a passport, an organisation and three links, with awkward and formula-looking values. */
export function sampleRecords(): { entities: ExportEntity[]; links: ExportLink[] } {
  const provenance = { sources: ['src-1'], handling: 'H1', grade: 'B2', gradeScheme: 'europol' };
  const entities: ExportEntity[] = [
    { type: 'Source', properties: { id: 'src-1', name: 'Report 1', sources: ['src-1'], handling: 'H0' } },
    {
      type: 'Person',
      properties: {
        id: 'p-1',
        name: AWKWARD,
        aliases: ['Abu Ali', 'A. al-Masri'],
        roles: ['organiser', 'money broker'],
        notes: '=HYPERLINK("http://example.invalid","click")',
        ...provenance,
      },
    },
    {
      type: 'Person',
      properties: {
        id: 'p-2',
        name: '+44 7700 900123',
        notes: '-2+3',
        nationalities: ['LY', 'EG'],
        ...provenance,
      },
    },
    {
      type: 'Document',
      properties: { id: 'doc-1', kind: 'passport', number: 'X1234567', notes: '@SUM(A1:A2)', ...provenance },
    },
    {
      type: 'Organisation',
      properties: { id: 'org-1', name: 'Syndicate <A>', kind: 'syndicate', country: 'LY', ...provenance },
    },
    {
      type: 'Location',
      properties: { id: 'loc-1', name: 'Zuwara', kind: 'port', lat: 32.93, lon: -12.08, ...provenance },
    },
  ];
  const links: ExportLink[] = [
    {
      type: 'MEMBER_OF',
      source: 'p-1',
      target: 'org-1',
      properties: { id: 'l-1', role: 'leader & founder', ...provenance },
    },
    { type: 'CONTACTED', source: 'p-1', target: 'p-2', properties: { id: 'l-2', weight: 12, ...provenance } },
    {
      type: 'HOLDS',
      source: 'p-2',
      target: 'doc-1',
      properties: { id: 'l-3', notes: '\tindented', ...provenance },
    },
  ];
  return { entities, links };
}
