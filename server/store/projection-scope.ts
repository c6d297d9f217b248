/**
 * The scope of a projection, as callers give it, and its resolution into the filter the Cypher
 * predicates read: labels and link types checked against the model's lists, dates normalised, and a
 * minimum source grade turned into the accepted grades of each scheme (through meetsMinimumSource).
 */
import {
  checkGrade,
  INFORMATION_ASSESSMENT,
  meetsMinimumSource,
  SOURCE_RELIABILITY,
} from '../schema/grading.ts';
import {
  ENTITY_LABELS,
  type EntityLabel,
  GRADING_SCHEMES,
  type GradingScheme,
  LINK_TYPES,
  type LinkType,
} from '../schema/model.ts';
import type { ProjectionFilter } from './projection-cypher.ts';

/** What part of the graph to project. Every part is optional; an empty scope is the whole graph. */
export interface ProjectionScope {
  /** Only the case with this id and the entities PART_OF it. */
  caseId?: string | undefined;
  /** ISO dates: only records whose date, or firstSeen..lastSeen, overlaps the window (undated ones stay). */
  since?: string | undefined;
  until?: string | undefined;
  /** Only the neighbourhood of these entities, `hops` links deep (default 2). */
  around?: readonly string[] | undefined;
  hops?: number | undefined;
  labels?: readonly string[] | undefined;
  linkTypes?: readonly string[] | undefined;
  /**
   * Source reliability values, e.g. ['A', 'B']: in each scheme the least reliable value listed is the
   * minimum; records graded in a scheme with no listed value, or not graded, are left out.
   */
  minSource?: readonly string[] | undefined;
}

/** Default depth of a neighbourhood. */
export const DEFAULT_HOPS = 2;

/** A scope that cannot be projected; the message names the field and the fix. */
export class ScopeError extends Error {
  override name = 'ScopeError';
}

function checkList<T extends string>(
  given: readonly string[] | undefined,
  known: readonly T[],
  what: string,
) {
  if (given === undefined) return [...known];
  const unknown = given.filter((value) => !(known as readonly string[]).includes(value));
  if (unknown.length > 0)
    throw new ScopeError(`unknown ${what} ${unknown.join(', ')}: use any of ${known.join(', ')}`);
  return [...new Set(given)] as T[];
}

function checkDate(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value.slice(0, 10))))
    throw new ScopeError(`${field} must be an ISO date such as 2024-01-31, not ${JSON.stringify(value)}`);
  return value.slice(0, 10);
}

function everyGrade(scheme: GradingScheme): string[] {
  const sources = Object.keys(SOURCE_RELIABILITY[scheme]);
  const information = Object.keys(INFORMATION_ASSESSMENT[scheme]);
  const pairs = sources.flatMap((s) => information.map((i) => `${s}${i}`));
  return scheme === 'uk' ? pairs.flatMap((g) => [`${g}P`, `${g}C`]) : pairs;
}

/** The `scheme:grade` pairs whose source meets the listed values (see ProjectionScope.minSource). */
export function acceptedGrades(minSource: readonly string[]): string[] {
  const values = minSource.map((v) => v.trim().toUpperCase());
  const accepted: string[] = [];
  let usable = false;
  for (const scheme of GRADING_SCHEMES) {
    const order = Object.keys(SOURCE_RELIABILITY[scheme]);
    const listed = values.filter((v) => order.includes(v));
    if (listed.length === 0) continue;
    usable = true;
    const minimum = listed.sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] as string;
    for (const grade of everyGrade(scheme)) {
      if (checkGrade(grade, scheme) === undefined && meetsMinimumSource(grade, scheme, minimum))
        accepted.push(`${scheme}:${grade}`);
    }
  }
  if (!usable)
    throw new ScopeError(
      `no source value among ${minSource.join(', ')}: use e.g. A,B (Europol or Admiralty) or 1,2 (UK)`,
    );
  return accepted;
}

/** Checks a scope and turns it into the filter of the Cypher predicates. */
export function resolveScope(scope: ProjectionScope): ProjectionFilter & { around?: string[]; hops: number } {
  const since = checkDate(scope.since, 'since');
  const until = checkDate(scope.until, 'until');
  if (since !== undefined && until !== undefined && since > until)
    throw new ScopeError(`the window starts (${since}) after it ends (${until})`);
  const hops = scope.hops ?? DEFAULT_HOPS;
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new ScopeError(`hops must be a whole number from 0 to 10, not ${hops}`);
  return {
    labels: checkList<EntityLabel>(scope.labels, ENTITY_LABELS, 'entity labels'),
    linkTypes: checkList<LinkType>(scope.linkTypes, LINK_TYPES, 'link types'),
    caseId: scope.caseId,
    since,
    until,
    grades: scope.minSource === undefined ? undefined : acceptedGrades(scope.minSource),
    ...(scope.around === undefined ? {} : { around: [...new Set(scope.around)] }),
    hops,
  };
}
