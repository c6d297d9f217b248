/**
 * Candidate duplicates: persons who may be one person recorded twice, and accounts or vessels that
 * share an identifier. Names are compared by the shared name key (name-key.ts: any script, Arabic
 * particles, Double Metaphone codes, so Mohammed/Muhammad and Abdul/Abd al read alike), else with a
 * token-sorted Jaro-Winkler similarity (Winkler 1990, "String Comparator Metrics and Enhanced Decision Rules in the
 * Fellegi-Sunter Model of Record Linkage"). Pairs are drawn from blocks (two shared name-token prefixes or phonetic codes,
 * shared document, phone or account) so the work is not quadratic in the number of persons. Nothing is
 * merged: the analyst confirms a candidate with SAME_AS, and confirmed pairs are skipped.
 */
import { isGraph } from 'graphology-utils';
import { nameKey, nameWords } from '../core/name-key.ts';
import type { CaseGraph } from '../core/types.ts';

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

/** A name as identity compares it: its phonetic key, and its words sorted (for typos the key misses). */
interface ComparableName {
  key: string;
  spelt: string;
}

function comparable(name: string): ComparableName {
  return { key: nameKey(name), spelt: [...nameWords(name)].sort().join(' ') };
}

function similarity(a: ComparableName, b: ComparableName): number {
  if (a.key !== '' && a.key === b.key) return 1;
  return Math.max(jaroWinkler(a.spelt, b.spelt), jaroWinkler(a.key, b.key));
}

/**
 * Similarity of two names in [0, 1]: 1 when they share the name key (one name, romanised
 * differently), else the token-sorted Jaro-Winkler of their words, robust to word order and typos.
 */
export function nameSimilarity(a: string, b: string): number {
  return similarity(comparable(a), comparable(b));
}

interface PersonRecord {
  id: string;
  names: string[];
  /** Each name as the similarity compares it. */
  keys: ComparableName[];
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
      keys: names.map(comparable),
      birthDate: typeof attributes.birthDate === 'string' ? attributes.birthDate : '',
      nationalities: Array.isArray(attributes.nationalities) ? attributes.nationalities : [],
      identifiers,
    });
  });
  return records;
}

/** Pairs of tokens (so a shared first name alone does not make a block), or a lone token. */
function addTokenPairs(keys: Set<string>, prefix: string, tokens: string[]): void {
  const distinct = [...new Set(tokens)].sort();
  if (distinct.length === 1) keys.add(`${prefix}:${distinct[0]}`);
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) keys.add(`${prefix}:${distinct[i]}|${distinct[j]}`);
  }
}

/**
 * Blocking keys: pairs of name tokens' three-letter prefixes (typos), pairs of their phonetic codes
 * (romanisations), and each linked identifier.
 */
function blockKeys(record: PersonRecord): Set<string> {
  const keys = new Set<string>();
  for (const name of record.keys) {
    const spelt = name.spelt.split(' ').filter((t) => t.length >= 2);
    addTokenPairs(
      keys,
      'n',
      spelt.map((t) => t.slice(0, 3)),
    );
    if (name.key !== '') addTokenPairs(keys, 'k', name.key.split(' '));
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
      const value = similarity(a, b);
      if (value > best.similarity)
        best = { similarity: value, a: x.names[i] as string, b: y.names[j] as string };
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
