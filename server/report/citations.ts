/**
 * Numbered citations: each distinct set of records cited gets one number, resolved against the
 * projected graph to the records' sources, grades (in their own schemes) and handling codes.
 */
import type { CaseGraph } from '../../analysis/core/types.ts';
import type { Citation, CitedRecord } from './types.ts';

/** Most records listed under one citation; the rest are counted. */
export const MAX_RECORDS_PER_CITATION = 12;

/** Hands out citation numbers for sets of record ids (entity ids or link keys). */
export class CitationRegistry {
  private readonly byKey = new Map<string, Citation>();
  private readonly list: Citation[] = [];

  constructor(private readonly graph: CaseGraph) {}

  /** The citation numbers for these records: none when no id is a visible record. */
  cite(ids: Iterable<string>): number[] {
    const known = [...new Set(ids)].filter((id) => this.graph.hasNode(id) || this.graph.hasEdge(id)).sort();
    if (known.length === 0) return [];
    const shown = known.slice(0, MAX_RECORDS_PER_CITATION);
    const key = `${shown.join('\n')}\n${known.length}`;
    let citation = this.byKey.get(key);
    if (!citation) {
      citation = {
        n: this.list.length + 1,
        records: shown.map((id) => this.describe(id)),
        more: known.length - shown.length,
      };
      this.byKey.set(key, citation);
      this.list.push(citation);
    }
    return [citation.n];
  }

  /** Every citation handed out, in number order. */
  citations(): Citation[] {
    return this.list;
  }

  private describe(id: string): CitedRecord {
    const isNode = this.graph.hasNode(id);
    const a = isNode ? this.graph.getNodeAttributes(id) : this.graph.getEdgeAttributes(id);
    const label = isNode
      ? String(a.entityType)
      : `${this.graph.source(id)} ${String(a.linkType)} ${this.graph.target(id)}`;
    return {
      id,
      kind: isNode ? 'entity' : 'link',
      label,
      ...(isNode && typeof a.name === 'string' ? { name: a.name } : {}),
      sources: Array.isArray(a.sources) ? a.sources.filter((s): s is string => typeof s === 'string') : [],
      ...(typeof a.grade === 'string' ? { grade: a.grade } : {}),
      ...(typeof a.gradeScheme === 'string' ? { gradeScheme: a.gradeScheme } : {}),
      ...(typeof a.handling === 'string' ? { handling: a.handling } : {}),
    };
  }
}
