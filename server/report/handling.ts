/** The report's handling code: the most restrictive code among the records it draws on. */
import type { CaseGraph } from '../../analysis/core/types.ts';
import { HANDLING_CODES, type HandlingCode } from '../schema/model.ts';
import { handlingLine } from '../export/marking.ts';

/** The most restrictive handling code on any entity or link of the graph (H0 when none has one). */
export function strictestHandling(graph: CaseGraph): HandlingCode {
  let rank = 0;
  const note = (code: unknown) => {
    const i = HANDLING_CODES.indexOf(code as HandlingCode);
    if (i > rank) rank = i;
  };
  graph.forEachNode((_n, a) => note(a.handling));
  graph.forEachEdge((_e, a) => note(a.handling));
  return HANDLING_CODES[rank] as HandlingCode;
}

/** The line printed on every page, e.g. "H2: not to be disseminated without the permission of the provider". */
export { handlingLine };

/**
 * What the report's H2 records need before it leaves: whether it holds any, and the Sources they
 * cite (their providers must agree); an H2 Source cites itself.
 */
export function h2Citations(graph: CaseGraph): { h2: boolean; sources: string[] } {
  let h2 = false;
  const sources = new Set<string>();
  const note = (key: string, a: Record<string, unknown>, isSource: boolean) => {
    if (a.handling !== 'H2') return;
    h2 = true;
    if (Array.isArray(a.sources)) for (const s of a.sources) if (typeof s === 'string') sources.add(s);
    if (isSource) sources.add(key);
  };
  graph.forEachNode((key, a) => note(key, a, a.entityType === 'Source'));
  graph.forEachEdge((key, a) => note(key, a, false));
  return { h2, sources: [...sources].sort() };
}
