/**
 * Cases the caller may see, each with the counts of its entities (PART_OF the case) that the caller
 * may see: an invisible member, or a member joined by an invisible link, is not counted.
 */
import type { Clearance } from '../schema/clearance.ts';
import type { CaseDetail, CaseSummary } from '../schema/api/entities.ts';
import { readScores } from './analysis-scores.ts';
import { plainProperties } from './entities.ts';
import type { Store } from './store.ts';
import {
  current,
  LABEL_PARAMS,
  labelOf,
  presentProperties,
  readableProperties,
  visibilityParams,
  visible,
} from './visibility.ts';

const COUNTS = `CALL (c) {
  OPTIONAL MATCH (m)-[p:PART_OF]->(c) WHERE ${visible('p')} AND ${visible('m')} AND ${current('m')}
  WITH ${labelOf('m')} AS label, count(m) AS n
  WHERE label IS NOT NULL
  RETURN collect({label: label, n: n}) AS byType
}
RETURN c {.id, .name, .status, .periodStart, .periodEnd, .agencies, .grade, .gradeScheme, .handling} AS summary,
  ${readableProperties('c')} AS properties, byType`;

const LIST = `MATCH (c:Case) WHERE ${visible('c')} AND ${current('c')}
WITH c ORDER BY toLower(coalesce(c.name, '')), c.id
${COUNTS}`;

const ONE = `MATCH (c:Case {id: $id}) WHERE ${visible('c')}
${COUNTS}`;

type Row = { get(key: string): unknown };

function summaryOf(row: Row): CaseSummary {
  const s = row.get('summary') as Record<string, unknown>;
  const byType: Record<string, number> = {};
  let total = 0;
  for (const { label, n } of row.get('byType') as { label: string; n: number }[]) {
    byType[label] = Number(n);
    total += Number(n);
  }
  const text = (key: string) => (typeof s[key] === 'string' ? (s[key] as string) : null);
  return {
    id: String(s.id),
    name: text('name'),
    status: text('status'),
    periodStart: text('periodStart'),
    periodEnd: text('periodEnd'),
    agencies: Array.isArray(s.agencies) ? s.agencies.map(String) : [],
    grade: text('grade'),
    gradeScheme: text('gradeScheme') as CaseSummary['gradeScheme'],
    handling: s.handling as CaseSummary['handling'],
    counts: { total, byType },
  };
}

/** The visible, current cases, by name, with visible member counts. */
export async function listCases(store: Store, clearance: Clearance): Promise<CaseSummary[]> {
  const result = await store.read(LIST, { ...visibilityParams(clearance), ...LABEL_PARAMS });
  return result.records.map(summaryOf);
}

/**
 * One visible case with all its properties and visible member counts; null when not visible. Analysis
 * scores are those of the fullest run whose clearance the caller's covers, as for any entity.
 */
export async function getCase(store: Store, clearance: Clearance, id: string): Promise<CaseDetail | null> {
  const result = await store.read(ONE, { ...visibilityParams(clearance), ...LABEL_PARAMS, id });
  const row = result.records[0];
  if (row === undefined) return null;
  const stored = plainProperties(presentProperties(row.get('properties') as Record<string, unknown>));
  return {
    ...summaryOf(row),
    properties: await readScores(store, clearance, stored),
  };
}
