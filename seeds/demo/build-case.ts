/**
 * What the syndicates stand on: the reports (Source entities), the Case they belong to, and the
 * places on the routes.
 */
import type { CaseContext } from './context.ts';
import { PLACES } from './data/places.ts';
import { SOURCES, type SourceKey } from './data/sources.ts';
import type { DemoRecord, Provenance } from './types.ts';

/** The id of the demo Case every main entity is PART_OF. */
export const CASE_ID = 'case:operation-ariadne-demo';

// A report vouches for itself at the top grade of its own scheme.
const SELF_GRADE = { europol: 'A1', uk: '1AP', admiralty: 'A1' } as const;

/** Emits the Source entities, the Case and every Location. */
export function* buildCaseFrame(ctx: CaseContext): Generator<DemoRecord> {
  for (const source of Object.values(SOURCES)) {
    const provenance: Provenance = {
      sources: [source.id],
      grade: SELF_GRADE[source.gradeScheme],
      gradeScheme: source.gradeScheme,
      handling: 'H0',
      firstSeen: source.date,
    };
    yield ctx.entity(
      'Source',
      source.id,
      `${source.agency}: ${source.name}`,
      { reference: source.reference, agency: source.agency, country: source.country, date: source.date },
      provenance,
    );
  }
  const agencies = [...new Set(Object.values(SOURCES).map((s) => s.agency))];
  ctx.truth.caseId = CASE_ID;
  yield ctx.entity(
    'Case',
    CASE_ID,
    'Operation Ariadne Demo',
    {
      agencies,
      periodStart: '2023-01-01',
      periodEnd: '2025-12-31',
      status: 'open',
      notes: 'Joint operation against five migrant-smuggling syndicates (invented demonstration case)',
    },
    ctx.provenance(['europolEmsc'], { handling: 'H0' }),
  );
  const placeSources: SourceKey[] = ['europolEmsc', 'europolEmsc', 'irini', 'hsi'];
  for (const place of PLACES) {
    yield ctx.entity(
      'Location',
      place.id,
      place.name,
      { kind: place.kind, country: place.country, lat: place.lat, lon: place.lon },
      ctx.provenance(placeSources, { handling: 'H0' }),
    );
  }
}
