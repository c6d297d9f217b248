/**
 * Entity search and type-ahead over the full-text index on names, aliases and identifiers, filtered
 * inside the query by the caller's clearance, type, case, dates and source grade. The total counts
 * only the records the caller may see; retracted records are left out unless asked for.
 * User text never reaches Lucene's syntax: it is cut into words of letters and digits, lower-cased
 * (so AND, OR and NOT stay words) and escaped.
 */
import { nameKeys } from '../../analysis/core/name-key.ts';
import type { Clearance } from '../schema/clearance.ts';
import type { EntitySearchResult, EntitySort, EntitySummary, Suggestions } from '../schema/api/entities.ts';
import { GRADING_SCHEMES, type EntityLabel, type GradingScheme } from '../schema/model.ts';
import { SOURCE_RELIABILITY } from '../schema/grading.ts';
import { FULLTEXT_PROPERTIES } from '../schema/indexes.ts';
import { FULLTEXT_INDEX } from './migrations.ts';
import { NAME_KEYS } from './name-keys.ts';
import type { Store } from './store.ts';
import { current, LABEL_PARAMS, labelOf, quoteLabel, visibilityParams, visible } from './visibility.ts';

/** What to search for; `limit` and `offset` page the results. */
export interface SearchOptions {
  q?: string | undefined;
  types?: readonly EntityLabel[] | undefined;
  caseId?: string | undefined;
  /** Only records seen on or after this date (YYYY-MM-DD). */
  since?: string | undefined;
  /** Only records seen on or before this date (YYYY-MM-DD). */
  until?: string | undefined;
  /** Minimum source reliability: "B", or scheme-qualified "uk:2". */
  minSource?: string | undefined;
  limit: number;
  offset: number;
  sort?: EntitySort | undefined;
  includeRetracted?: boolean | undefined;
}

const MAX_WORDS = 8;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene's special characters. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

/** The words of a query: runs of letters and digits, lower case, at most eight. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, MAX_WORDS);
}

/** Longest word given a typo-tolerant clause: beyond it, exact and prefix matches only. */
const MAX_FUZZY_LENGTH = 24;

/**
 * Every text within one edit of a word (a letter changed, added, dropped, or two neighbours swapped),
 * as one Lucene regular expression. Not Lucene's `word~1`: that keeps only the 50 best terms of the
 * whole index, so terms of records the reader may not see could push visible ones out, while a
 * regular expression matches every term it describes. Words hold only letters and digits.
 */
export function oneEditPattern(word: string): string {
  const chars = [...word];
  const variants = new Set<string>();
  const at = (i: number, j: number) => chars.slice(i, j).join('');
  for (let i = 0; i <= chars.length; i++) {
    variants.add(`${at(0, i)}.${at(i, chars.length)}`);
    if (i < chars.length) {
      variants.add(`${at(0, i)}.${at(i + 1, chars.length)}`);
      variants.add(`${at(0, i)}${at(i + 1, chars.length)}`);
    }
    if (i < chars.length - 1) variants.add(`${at(0, i)}${chars[i + 1]}${chars[i]}${at(i + 2, chars.length)}`);
  }
  return `/${[...variants].join('|')}/`;
}

/**
 * The name keys of a query's words (analysis/core/name-key.ts), each of which a match's `nameKeys` must
 * hold; none when a word holds a digit (an identifier, not a name) or no word has three letters.
 */
export function queryNameKeys(text: string): string[] {
  const words = wordsOf(text);
  if (words.some((word) => /\p{N}/u.test(word)) || !words.some((word) => [...word].length >= 3)) return [];
  return [...new Set(nameKeys(words.join(' ')))];
}

/**
 * A Lucene query where every word must match, exactly, as a prefix, or (from five letters) within one
 * edit; several words also match as one identifier ("AB 12 34" finds "AB1234"); and the words' name
 * keys all found in `nameKeys` match another romanisation ("Anouar" finds "Anwar"). Null without words.
 */
export function buildLuceneQuery(text: string, options: { fuzzy?: boolean } = {}): string | null {
  const words = wordsOf(text).map(escapeLucene);
  if (words.length === 0) return null;
  const clauses = words.map((word) => {
    const length = [...word].length;
    const fuzzy =
      options.fuzzy !== false && length >= 5 && length <= MAX_FUZZY_LENGTH
        ? ` OR ${oneEditPattern(word)}`
        : '';
    return `(${word}^3 OR ${word}*${fuzzy})`;
  });
  const all = clauses.join(' AND ');
  const keys = queryNameKeys(text).map((key) => `${NAME_KEYS}:${escapeLucene(key)}`);
  const alternatives = [
    words.length > 1 ? `(${all})` : all,
    ...(words.length > 1 ? [`${words.join('')}*`] : []),
    ...(keys.length > 0 ? [`(${keys.join(' AND ')})`] : []),
  ];
  return alternatives.join(' OR ');
}

const GRADE_REST: Readonly<Record<GradingScheme, string>> = {
  europol: '[1-4]',
  uk: '[A-E][PC]',
  admiralty: '[1-6]',
};

/**
 * The grades that meet a minimum source reliability, per scheme, as regular expressions: the same
 * rule as meetsMinimumSource, in each scheme where the minimum is a source value. Throws a RangeError
 * when no scheme knows the value.
 */
export function minimumGradePatterns(minimum: string): { scheme: GradingScheme; pattern: string }[] {
  const [first, second] = minimum.split(':');
  const value = second ?? first ?? '';
  const schemes = second === undefined ? GRADING_SCHEMES : GRADING_SCHEMES.filter((s) => s === first);
  const patterns = schemes.flatMap((scheme) => {
    const order = Object.keys(SOURCE_RELIABILITY[scheme]);
    const limit = order.indexOf(value);
    if (limit === -1) return [];
    return [{ scheme, pattern: `^[${order.slice(0, limit + 1).join('')}]${GRADE_REST[scheme]}$` }];
  });
  if (patterns.length === 0) {
    throw new RangeError(`${JSON.stringify(minimum)} is not a source value of any grading scheme`);
  }
  return patterns;
}

const SORTS: Readonly<Record<EntitySort, string>> = {
  relevance: 'rank, toLower(coalesce(n.name, "")), n.id',
  name: 'toLower(coalesce(n.name, "")), n.id',
  updated: 'coalesce(n.updatedAt, "") DESC, n.id',
};

/** Most entities a search without words reads: the first ones by id, then sorted and paged. */
export const SEARCH_WINDOW = 1_000;

// The texts the full-text index holds for a node, lower-cased, lists flattened; not the name keys,
// which rank as their own class.
const TEXT_PROPERTIES = FULLTEXT_PROPERTIES.filter((p) => p !== NAME_KEYS);
const TEXTS = `reduce(acc = [], v IN [${TEXT_PROPERTIES.map((p) => `n.\`${p}\``).join(', ')}] |
  acc + CASE WHEN v IS NULL THEN [] WHEN v IS :: LIST<ANY> THEN [t IN v | toLower(toString(t))]
  ELSE [toLower(toString(v))] END)`;

/**
 * How well a visible match meets the words, from the node's own texts only: 0 a text is the words
 * (or all of them run together), 1 a text starts with them, 2 holds them, 3 holds each word, 4 its
 * names have the words' name keys (another romanisation), 5 any other match of the index (fuzzy,
 * prefixes across texts). Never the index's score, whose term statistics count every record, those
 * the reader may not see among them.
 */
const RANK = `CASE
  WHEN any(t IN texts WHERE t = $phrase OR replace(t, ' ', '') = $compact) THEN 0
  WHEN any(t IN texts WHERE t STARTS WITH $phrase) THEN 1
  WHEN any(t IN texts WHERE t CONTAINS $phrase) THEN 2
  WHEN all(w IN $words WHERE any(t IN texts WHERE t CONTAINS w)) THEN 3
  WHEN size($keys) > 0 AND all(k IN $keys WHERE k IN coalesce(n.${NAME_KEYS}, [])) THEN 4
  ELSE 5 END`;

// The dates a record was seen: an interval from the first to the last, or its one date.
const SEEN_FROM = 'substring(coalesce(n.firstSeen, n.date, n.periodStart, n.lastSeen, n.periodEnd), 0, 10)';
const SEEN_TO = 'substring(coalesce(n.lastSeen, n.date, n.periodEnd, n.firstSeen, n.periodStart), 0, 10)';

function filtersOf(options: SearchOptions): string[] {
  const filters = [visible('n'), 'any(l IN labels(n) WHERE l IN $types)'];
  if (options.includeRetracted !== true) filters.push(current('n'));
  if (options.caseId !== undefined) {
    filters.push(
      `EXISTS { MATCH (n)-[p:PART_OF]->(c:Case {id: $caseId}) WHERE ${visible('p')} AND ${visible('c')} }`,
    );
  }
  if (options.since !== undefined) filters.push(`${SEEN_TO} >= $since`);
  if (options.until !== undefined) filters.push(`${SEEN_FROM} <= $until`);
  if (options.minSource !== undefined) {
    filters.push(
      `any(m IN $minGrades WHERE coalesce(n.gradeScheme, 'europol') = m.scheme AND n.grade =~ m.pattern)`,
    );
  }
  return filters;
}

const NAMESAKE = `.birthDate, nationalities: coalesce(n.nationalities, [])`;
const SUMMARY = `n {.id, .name, type: ${labelOf('n')}, retracted: coalesce(n.retracted, false), ${NAMESAKE}, .grade, .gradeScheme, .handling}`;

/**
 * Visible entities matching the query and filters, one page of them, and how many there are in all.
 * Matches of words are ranked by RANK's classes, then name, then id. Without words, only the first
 * SEARCH_WINDOW visible entities by id are read (through the id index, before any sorting), and
 * `truncated` says whether there were more; the total then counts the window.
 */
export async function searchEntities(
  store: Store,
  clearance: Clearance,
  options: SearchOptions,
): Promise<EntitySearchResult> {
  const lucene = options.q === undefined ? null : buildLuceneQuery(options.q);
  if (options.q !== undefined && options.q.trim() !== '' && lucene === null) {
    return { total: 0, limit: options.limit, offset: options.offset, truncated: false, items: [] };
  }
  const types = options.types && options.types.length > 0 ? [...options.types] : LABEL_PARAMS.entityLabels;
  const words = options.q === undefined ? [] : wordsOf(options.q);
  const params = {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    index: FULLTEXT_INDEX,
    lucene,
    types,
    words,
    phrase: words.join(' '),
    compact: words.join(''),
    keys: options.q === undefined ? [] : queryNameKeys(options.q),
    window: SEARCH_WINDOW,
    caseId: options.caseId ?? null,
    since: options.since ?? null,
    until: options.until ?? null,
    minGrades: options.minSource === undefined ? [] : minimumGradePatterns(options.minSource),
    offset: options.offset,
    limit: options.limit,
  };
  if (lucene === null) return searchWindow(store, types, params, options);
  const result = await store.read(
    matchCypher(filtersOf(options).join(' AND '), SORTS[options.sort ?? 'relevance']),
    params,
  );
  const row = result.records[0];
  return {
    total: Number(row?.get('total') ?? 0),
    limit: options.limit,
    offset: options.offset,
    truncated: false,
    items: ((row?.get('items') ?? []) as EntitySummary[]).map(summaryOf),
  };
}

// Every visible match of the index, ranked by the node's own texts.
function matchCypher(filters: string, sort: string): string {
  return `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n
WITH n WHERE ${filters}
WITH n, ${TEXTS} AS texts
WITH n, ${RANK} AS rank
WITH n ORDER BY ${sort}
WITH collect(n) AS found
RETURN size(found) AS total, [n IN found[toInteger($offset)..toInteger($offset + $limit)] | ${SUMMARY}] AS items`;
}

type WindowRow = EntitySummary & { updatedAt: string | null };

const BY_ID = (a: WindowRow, b: WindowRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const lowerName = (row: WindowRow) => (row.name ?? '').toLowerCase();
const WINDOW_SORTS: Readonly<Record<EntitySort, (a: WindowRow, b: WindowRow) => number>> = {
  relevance: (a, b) => (lowerName(a) < lowerName(b) ? -1 : lowerName(a) > lowerName(b) ? 1 : BY_ID(a, b)),
  name: (a, b) => (lowerName(a) < lowerName(b) ? -1 : lowerName(a) > lowerName(b) ? 1 : BY_ID(a, b)),
  updated: (a, b) => {
    const [x, y] = [a.updatedAt ?? '', b.updatedAt ?? ''];
    return x > y ? -1 : x < y ? 1 : BY_ID(a, b);
  },
};

/**
 * A search without words: per type, the first visible entities by id (an ordered walk of the id
 * index that stops at the window), then the first of all of them, then sorted and paged. The work is
 * bounded before it starts. One small query per type, sent at once: each is planned quickly and its
 * plan kept (one query of fourteen branches took seconds to plan on a busy machine).
 */
async function searchWindow(
  store: Store,
  types: readonly EntityLabel[],
  params: Record<string, unknown>,
  options: SearchOptions,
): Promise<EntitySearchResult> {
  const filters = filtersOf(options).join(' AND ');
  const perType = await Promise.all(
    types.map((type) =>
      store.read(
        `MATCH (n:${quoteLabel(type)}) WHERE n.id >= '' AND ${filters}
WITH n ORDER BY n.id LIMIT toInteger($window + 1)
RETURN ${SUMMARY.replace(/}$/, ', .updatedAt}')} AS item`,
        params,
      ),
    ),
  );
  const rows = perType.flatMap((found) => found.records.map((record) => record.get('item') as WindowRow));
  rows.sort(BY_ID);
  const window = rows.slice(0, SEARCH_WINDOW).sort(WINDOW_SORTS[options.sort ?? 'name']);
  return {
    total: window.length,
    limit: options.limit,
    offset: options.offset,
    truncated: rows.length > SEARCH_WINDOW,
    items: window.slice(options.offset, options.offset + options.limit).map(summaryOf),
  };
}

function namesakeOf(item: Pick<EntitySummary, 'birthDate' | 'nationalities'>) {
  return {
    birthDate: typeof item.birthDate === 'string' ? item.birthDate : null,
    nationalities: Array.isArray(item.nationalities) ? item.nationalities.map(String) : [],
  };
}

function summaryOf(item: EntitySummary): EntitySummary {
  return {
    id: item.id,
    type: item.type,
    name: item.name ?? null,
    retracted: item.retracted === true,
    ...namesakeOf(item),
    grade: item.grade ?? null,
    gradeScheme: item.gradeScheme ?? null,
    handling: item.handling,
  };
}

/** Type-ahead: visible, current entities whose names or identifiers start with the prefix's words. */
export async function suggest(
  store: Store,
  clearance: Clearance,
  prefix: string,
  limit = 10,
): Promise<Suggestions> {
  const words = wordsOf(prefix).map(escapeLucene);
  if (words.length === 0) return { suggestions: [] };
  const result = await store.read(
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n
WITH n WHERE ${visible('n')} AND ${current('n')} AND any(l IN labels(n) WHERE l IN $entityLabels)
WITH n, ${TEXTS} AS texts
WITH n, ${RANK} AS rank
WITH n ORDER BY rank, size(coalesce(n.name, '')), n.id LIMIT toInteger($limit)
RETURN collect(n {.id, .name, type: ${labelOf('n')}, ${NAMESAKE}}) AS suggestions`,
    {
      ...visibilityParams(clearance),
      ...LABEL_PARAMS,
      index: FULLTEXT_INDEX,
      lucene: words.map((word) => `${word}*`).join(' AND '),
      words: wordsOf(prefix),
      phrase: wordsOf(prefix).join(' '),
      compact: wordsOf(prefix).join(''),
      keys: [],
      limit,
    },
  );
  const rows = (result.records[0]?.get('suggestions') ?? []) as Suggestions['suggestions'];
  return {
    suggestions: rows.map((row) => ({
      id: row.id,
      type: row.type,
      name: row.name ?? null,
      ...namesakeOf(row),
    })),
  };
}
