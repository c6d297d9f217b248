/**
 * Candidate duplicates: persons who may be one person recorded twice, and accounts or vessels that
 * share an identifier. Names are compared after folding diacritics and common Arabic-Latin
 * transliteration variants (Mohammed/Muhammad, Abdul/Abd al, el-/al-), with a token-sorted
 * Jaro-Winkler similarity (Winkler 1990, "String Comparator Metrics and Enhanced Decision Rules in the
 * Fellegi-Sunter Model of Record Linkage"). Pairs are drawn from blocks (two shared name-token prefixes,
 * shared document, phone or account) so the work is not quadratic in the number of persons. Nothing is
 * merged: the analyst confirms a candidate with SAME_AS, and confirmed pairs are skipped.
 */
import { isGraph } from 'graphology-utils';
import type { CaseGraph } from './types.ts';

/** Options of `findDuplicateCandidates`. */
export interface IdentityOptions {
  /** Least name similarity (0..1) for names to count as a reason. */
  minNameSimilarity: number;
  /** Least score for a pair to be returned. */
  minScore: number;
  /** Blocks larger than this (a very common name token) are not paired within. */
  maxBlock: number;
}

/** Defaults of `findDuplicateCandidates`. */
export const DEFAULTS: IdentityOptions = { minNameSimilarity: 0.88, minScore: 0.6, maxBlock: 500 };

/** A pair of persons that may be one, with a score in [0, 1] and the reasons for it. */
export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

/** Entities of one type that carry the same identifier. */
export interface SharedIdentifier {
  entityType: string;
  key: string;
  value: string;
  nodes: string[];
}

/** What `findDuplicateCandidates` returns. */
export interface IdentityResult {
  persons: DuplicateCandidate[];
  identifiers: SharedIdentifier[];
}

/** Identifier attributes per entity type. */
export const IDENTIFIER_KEYS: Record<string, string[]> = {
  Account: ['iban', 'wallet', 'number'],
  Vessel: ['imo', 'mmsi'],
  Vehicle: ['plate'],
  Communication: ['identifier'],
  Document: ['number'],
};

const VARIANTS: [RegExp, string][] = [
  [/\b(?:moh?amm?[ae]d|muh?amm?[ae]d|mohd|mhd)\b/g, 'muhammad'],
  [/\babd(?:ul|el|al|ol|ool)\s*|\babd\s+(?:al|el|ul)\s+/g, 'abdal'],
  [/\b(?:al|el)\s+/g, 'al'],
  [/\by(?:o|u)(?:u)?s(?:s)?[eiu]f\b/g, 'yusuf'],
  [/\bh(?:o|u)s(?:s)?[ae](?:i|y)n\b/g, 'husayn'],
  [/\bahm[ae]d\b/g, 'ahmad'],
  [/\b(?:o|u)mar\b/g, 'umar'],
  [/\b(?:o|u)sama\b/g, 'usama'],
  [/\bm(?:o|u|ou)stafa\b/g, 'mustafa'],
  [/\bkhal[ei]d\b/g, 'khalid'],
  [/\bmahm(?:ou|u)d\b/g, 'mahmud'],
  [/\b[ei]brahim\b/g, 'ibrahim'],
];

/** Folds a name to comparable tokens: no diacritics, no punctuation, one spelling per variant. */
export function normaliseName(name: string): string[] {
  let folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [pattern, canonical] of VARIANTS) folded = folded.replace(pattern, canonical);
  // Doubled letters and ou/oo for u are spelling choices, not different names.
  return folded
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => token.replace(/(.)\1+/g, '$1').replace(/ou|oo/g, 'u'));
}

/** Jaro-Winkler similarity of two strings, in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedB = new Array<boolean>(b.length).fill(false);
  const matchesA: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedB[j] = true;
      matchesA.push(a[i] as string);
      break;
    }
  }
  if (matchesA.length === 0) return 0;
  const matchesB = [...b].filter((_, j) => matchedB[j]);
  const transpositions = matchesA.filter((c, i) => c !== matchesB[i]).length / 2;
  const m = matchesA.length;
  const jaro = (m / a.length + m / b.length + (m - transpositions) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Token-sorted Jaro-Winkler between two names, robust to word order and transliteration. */
export function nameSimilarity(a: string, b: string): number {
  const left = normaliseName(a).sort().join(' ');
  const right = normaliseName(b).sort().join(' ');
  return jaroWinkler(left, right);
}

interface PersonRecord {
  id: string;
  names: string[];
  /** Each name folded, its tokens sorted: what the similarity compares. */
  keys: string[];
  birthDate: string;
  nationalities: string[];
  /** Documents, phones and accounts linked to the person. */
  identifiers: Set<string>;
}

const IDENTIFIER_TYPES = new Set(['Document', 'Communication', 'Account']);

function personRecords(graph: CaseGraph): PersonRecord[] {
  const records: PersonRecord[] = [];
  graph.forEachNode((id, attributes) => {
    if (attributes.entityType !== 'Person') return;
    const identifiers = new Set<string>();
    graph.forEachNeighbor(id, (neighbour, neighbourAttributes) => {
      if (IDENTIFIER_TYPES.has(neighbourAttributes.entityType)) identifiers.add(neighbour);
    });
    const names = [attributes.name, ...(Array.isArray(attributes.aliases) ? attributes.aliases : [])].filter(
      (n): n is string => typeof n === 'string' && n.trim() !== '',
    );
    records.push({
      id,
      names,
      keys: names.map((n) => normaliseName(n).sort().join(' ')),
      birthDate: typeof attributes.birthDate === 'string' ? attributes.birthDate : '',
      nationalities: Array.isArray(attributes.nationalities) ? attributes.nationalities : [],
      identifiers,
    });
  });
  return records;
}

/**
 * Blocking keys: for each pair of name tokens, their three-letter prefixes (so a shared first name
 * alone does not make a block), a lone token's prefix, and each linked identifier.
 */
function blockKeys(record: PersonRecord): Set<string> {
  const keys = new Set<string>();
  for (const name of record.keys) {
    const tokens = [...new Set(name.split(' ').filter((t) => t.length >= 2))]
      .map((t) => t.slice(0, 3))
      .sort();
    if (tokens.length === 1) keys.add(`n:${tokens[0]}`);
    for (let i = 0; i < tokens.length; i++) {
      for (let j = i + 1; j < tokens.length; j++) keys.add(`n:${tokens[i]}|${tokens[j]}`);
    }
  }
  for (const identifier of record.identifiers) keys.add(`i:${identifier}`);
  return keys;
}

/** Index pairs (i < j, encoded i * n + j) that share at least one block of a tractable size. */
function candidatePairs(records: PersonRecord[], maxBlock: number): Set<number> {
  const blocks = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of blockKeys(record)) {
      const members = blocks.get(key);
      if (members) members.push(index);
      else blocks.set(key, [index]);
    }
  });
  const n = records.length;
  const pairs = new Set<number>();
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > maxBlock) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++)
        pairs.add((members[i] as number) * n + (members[j] as number));
    }
  }
  return pairs;
}

function scorePair(x: PersonRecord, y: PersonRecord, options: IdentityOptions): DuplicateCandidate {
  const reasons: string[] = [];
  let score = 0;
  let best = { similarity: 0, a: '', b: '' };
  x.keys.forEach((a, i) => {
    y.keys.forEach((b, j) => {
      const similarity = jaroWinkler(a, b);
      if (similarity > best.similarity)
        best = { similarity, a: x.names[i] as string, b: y.names[j] as string };
    });
  });
  if (best.similarity >= options.minNameSimilarity) {
    score += 0.5 * best.similarity;
    reasons.push(`similar names (${best.similarity.toFixed(2)}): "${best.a}" ~ "${best.b}"`);
  }
  if (x.birthDate && x.birthDate === y.birthDate) {
    score += 0.2;
    reasons.push(`same birth date ${x.birthDate}`);
  } else if (x.birthDate && y.birthDate) {
    score -= 0.3;
  }
  const nationalities = x.nationalities.filter((n) => y.nationalities.includes(n));
  if (nationalities.length > 0) {
    score += 0.1;
    reasons.push(`shared nationality ${nationalities.join(', ')}`);
  }
  const shared = [...x.identifiers].filter((i) => y.identifiers.has(i));
  if (shared.length > 0) {
    score += Math.min(0.6, 0.3 * shared.length);
    reasons.push(`shared documents, phones or accounts: ${shared.join(', ')}`);
  }
  const [a, b] = [x.id, y.id].sort() as [string, string];
  return { a, b, score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
}

function confirmedPairs(graph: CaseGraph): Set<string> {
  const confirmed = new Set<string>();
  graph.forEachEdge((_edge, link, source, target) => {
    if (link.linkType === 'SAME_AS') confirmed.add([source, target].sort().join('\u0000'));
  });
  return confirmed;
}

/** Groups entities of one type by a normalised identifier value; only groups of two or more. */
export function findSharedIdentifiers(graph: CaseGraph, entityTypes: readonly string[]): SharedIdentifier[] {
  const groups = new Map<string, SharedIdentifier>();
  graph.forEachNode((id, attributes) => {
    if (!entityTypes.includes(attributes.entityType)) return;
    for (const key of IDENTIFIER_KEYS[attributes.entityType] ?? []) {
      const raw = attributes[key];
      if (typeof raw !== 'string' && typeof raw !== 'number') continue;
      const value = String(raw)
        .toUpperCase()
        .replace(/[\s.-]/g, '');
      if (!value) continue;
      const groupKey = JSON.stringify([attributes.entityType, key, value]);
      const group = groups.get(groupKey) ?? { entityType: attributes.entityType, key, value, nodes: [] };
      group.nodes.push(id);
      groups.set(groupKey, group);
    }
  });
  return [...groups.values()].filter((g) => g.nodes.length > 1);
}

/** Candidate duplicate persons (scored, with reasons) and accounts or vessels sharing identifiers. */
export function findDuplicateCandidates(
  graph: CaseGraph,
  options: Partial<IdentityOptions> = {},
): IdentityResult {
  if (!isGraph(graph)) {
    throw new Error(
      'ariadne/analysis/identity: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)',
    );
  }
  const settings = { ...DEFAULTS, ...options };
  const records = personRecords(graph);
  const confirmed = confirmedPairs(graph);
  const persons: DuplicateCandidate[] = [];
  for (const pair of candidatePairs(records, settings.maxBlock)) {
    const x = records[Math.floor(pair / records.length)] as PersonRecord;
    const y = records[pair % records.length] as PersonRecord;
    if (confirmed.has([x.id, y.id].sort().join('\u0000'))) continue;
    const candidate = scorePair(x, y, settings);
    if (candidate.score >= settings.minScore) persons.push(candidate);
  }
  persons.sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
  return { persons, identifiers: findSharedIdentifiers(graph, ['Account', 'Vessel', 'Vehicle']) };
}
