/**
 * Shared shapes of the money analyses: a transfer is one Payment node seen as a directed, dated,
 * weighted movement of value from one party to another; a typology hit is a group of transfers that
 * matches a laundering pattern.
 */

/** One payment as a directed, dated transfer between two parties (Person, Organisation or Account). */
export interface Transfer {
  /** The Payment node's id. */
  id: string;
  from: string;
  to: string;
  /** Amount in the payment's own currency. */
  amount: number;
  currency: string;
  /** Amount in the analysis currency, or null when no rate is known for the currency on that date. */
  amountConverted: number | null;
  /** ISO 8601 date or date-time. */
  date: string;
  method?: string;
}

/** The laundering typologies the detectors know. */
export type TypologyKind =
  | 'fan-out'
  | 'fan-in'
  | 'cycle'
  | 'scatter-gather'
  | 'gather-scatter'
  | 'stack'
  | 'bipartite'
  | 'pass-through'
  | 'structuring'
  | 'hawala-offsetting';

/** One detected occurrence of a typology. */
export interface TypologyHit {
  kind: TypologyKind;
  /** The parties involved; the first is the pattern's focus (hub, source, broker) where there is one. */
  parties: string[];
  /** Ids of the transfers (Payment nodes) that make up the pattern. */
  payments: string[];
  /** Sum of the converted amounts of `payments` (unconverted amounts count as 0). */
  total: number;
  /** Earliest and latest payment date. */
  from: string;
  to: string;
}

/** Milliseconds in a day, for windows given in days. */
export const DAY_MS = 86_400_000;
