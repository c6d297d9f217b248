/**
 * Document analysis: travel and identity documents shared between people, compromised documents in
 * use, people holding several identities, and series of documents by issuing country and number
 * prefix (blank-document theft and forgery batches). The checks follow the document-fraud indicators
 * of Frontex (2022), "Document Fraud Risk Analysis" and INTERPOL's SLTD (Stolen and Lost Travel
 * Documents) database practice: a lost or stolen number in use is a hit, a run of close numbers from
 * one issuer points to one batch.
 */
import { isGraph } from 'graphology-utils';
import type { CaseGraph } from '../core/types.ts';

/** Options of `analyseDocuments`. */
export interface DocumentOptions {
  /** Document statuses that make any use of the document suspect. */
  compromisedStatuses: readonly string[];
  /** Fewest leading characters two numbers of one issuer share to fall in one series. */
  minPrefix: number;
  /** Fewest documents in a reported series. */
  minSeries: number;
}

/** Defaults of `analyseDocuments`. */
export const DEFAULTS: DocumentOptions = {
  compromisedStatuses: ['stolen', 'lost', 'forged', 'fraudulently obtained', 'impostor use'],
  minPrefix: 5,
  minSeries: 3,
};

/** A document held or used by more than one person. */
export interface SharedDocument {
  document: string;
  people: string[];
}

/** A compromised document that someone holds or uses. */
export interface CompromisedDocument {
  document: string;
  status: string;
  people: string[];
}

/** A person with several documents of one kind from different issuers or in different names. */
export interface MultipleIdentity {
  person: string;
  kind: string;
  documents: string[];
  countries: string[];
  holderNames: string[];
}

/** Documents of one issuer whose numbers share a prefix. */
export interface DocumentSeries {
  issuingCountry: string;
  prefix: string;
  documents: string[];
}

/** What `analyseDocuments` returns. */
export interface DocumentAnalysis {
  shared: SharedDocument[];
  compromised: CompromisedDocument[];
  multipleIdentities: MultipleIdentity[];
  series: DocumentSeries[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Finds shared and compromised documents, multiple identities and number series. */
export function analyseDocuments(graph: CaseGraph, options: Partial<DocumentOptions> = {}): DocumentAnalysis {
  if (!isGraph(graph)) {
    throw new Error(
      'ariadne/analysis/documents: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)',
    );
  }
  const settings = { ...DEFAULTS, ...options };
  const users = usersOfDocuments(graph);
  const shared = [...users]
    .filter(([, people]) => people.size > 1)
    .map(([document, people]) => ({ document, people: [...people].sort() }));
  const compromised: CompromisedDocument[] = [];
  for (const [document, people] of users) {
    const status = text(graph.getNodeAttribute(document, 'status'));
    if (people.size > 0 && settings.compromisedStatuses.includes(status))
      compromised.push({ document, status, people: [...people].sort() });
  }
  return {
    shared,
    compromised,
    multipleIdentities: findMultipleIdentities(graph, users),
    series: findSeries(graph, settings),
  };
}

/** Document -> the people who hold or use it. */
function usersOfDocuments(graph: CaseGraph): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  graph.forEachNode((document, attributes) => {
    if (attributes.entityType !== 'Document') return;
    const people = new Set<string>();
    graph.forEachInEdge(document, (_edge, link, source) => {
      if (
        (link.linkType === 'HOLDS' || link.linkType === 'USED') &&
        graph.getNodeAttribute(source, 'entityType') === 'Person'
      ) {
        people.add(source);
      }
    });
    users.set(document, people);
  });
  return users;
}

function findMultipleIdentities(graph: CaseGraph, users: Map<string, Set<string>>): MultipleIdentity[] {
  // person -> kind -> documents
  const byPerson = new Map<string, Map<string, string[]>>();
  for (const [document, people] of users) {
    const kind = text(graph.getNodeAttribute(document, 'kind')) || 'document';
    for (const person of people) {
      const kinds = byPerson.get(person) ?? new Map<string, string[]>();
      kinds.set(kind, [...(kinds.get(kind) ?? []), document]);
      byPerson.set(person, kinds);
    }
  }
  const found: MultipleIdentity[] = [];
  for (const [person, kinds] of byPerson) {
    for (const [kind, documents] of kinds) {
      if (documents.length < 2) continue;
      const countries = distinctValues(graph, documents, 'issuingCountry');
      const holderNames = distinctValues(graph, documents, 'holderName', foldName);
      // Two passports from one country in one name are a renewal, not a second identity.
      if (countries.length < 2 && holderNames.length < 2) continue;
      found.push({ person, kind, documents: documents.sort(), countries, holderNames });
    }
  }
  return found;
}

function distinctValues(graph: CaseGraph, nodes: string[], key: string, fold = (s: string) => s): string[] {
  const seen = new Map<string, string>();
  for (const node of nodes) {
    const value = text(graph.getNodeAttribute(node, key));
    if (value && !seen.has(fold(value))) seen.set(fold(value), value);
  }
  return [...seen.values()].sort();
}

function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** Sorts each issuer's numbers and cuts runs of neighbours that share at least `minPrefix` characters. */
function findSeries(graph: CaseGraph, options: DocumentOptions): DocumentSeries[] {
  const byIssuer = new Map<string, { document: string; number: string }[]>();
  graph.forEachNode((document, attributes) => {
    if (attributes.entityType !== 'Document') return;
    const number = text(attributes.number).toUpperCase().replace(/[\s-]/g, '');
    const issuer = text(attributes.issuingCountry).toUpperCase();
    if (!number || !issuer) return;
    byIssuer.set(issuer, [...(byIssuer.get(issuer) ?? []), { document, number }]);
  });
  const series: DocumentSeries[] = [];
  for (const [issuingCountry, docs] of byIssuer) {
    docs.sort((a, b) => a.number.localeCompare(b.number));
    let run: typeof docs = [];
    const flush = () => {
      if (run.length >= options.minSeries) {
        const prefix = commonPrefix(run.map((d) => d.number));
        series.push({ issuingCountry, prefix, documents: run.map((d) => d.document) });
      }
    };
    for (const doc of docs) {
      const last = run[run.length - 1];
      if (last && commonPrefix([last.number, doc.number]).length >= options.minPrefix) run.push(doc);
      else {
        flush();
        run = [doc];
      }
    }
    flush();
  }
  return series;
}

function commonPrefix(values: string[]): string {
  let prefix = values[0] ?? '';
  for (const value of values) {
    while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
