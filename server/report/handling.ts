/** The report's handling code: the most restrictive code among the records it draws on. */
import type { CaseGraph } from '../../analysis/types.ts';
import { HANDLING_CODES, type HandlingCode } from '../schema/model.ts';
import { HANDLING_DESCRIPTIONS } from '../schema/provenance.ts';

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
export function handlingLine(code: HandlingCode): string {
  return `Handling ${code}: ${HANDLING_DESCRIPTIONS[code]}`;
}
