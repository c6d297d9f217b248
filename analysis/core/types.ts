/**
 * The graph contract between the store's projection and the analyses.
 *
 * The projection builds a graphology multi graph (type 'directed', multi: true) whose node keys are
 * entity ids and whose attributes are plain values. Analyses read these attributes; they never
 * import the server's schemas (one-way flow), so the vocabulary they need is restated here as strings.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';

/** Attributes of an entity node. Only `entityType` is always present. */
export interface EntityAttributes extends Attributes {
  /** The entity label: Person, Organisation, Document, Vessel, Account, Payment, Offence, ... */
  entityType: string;
  name?: string;
  /** Person roles (organiser, money broker, smuggled person, ...). */
  roles?: string[];
  status?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** Offence category from the crime taxonomy. */
  category?: string;
  /** Payment amount, in `currency`. */
  amount?: number;
  currency?: string;
  /** ISO 8601 date (Payment, Event, Offence). */
  date?: string;
  kind?: string;
  /** Source grade as written in its scheme, e.g. "B2" (europol), "2B" (uk), "C3" (admiralty). */
  grade?: string;
  gradeScheme?: string;
  handling?: string;
  sources?: string[];
}

/** Attributes of a link. `weight` defaults to 1 when a source gives none. */
export interface LinkAttributes extends Attributes {
  /** The relationship type, UPPER_SNAKE (MEMBER_OF, PAID, RECEIVED, ...). */
  linkType: string;
  weight?: number;
  role?: string;
  order?: number;
  date?: string;
  grade?: string;
  gradeScheme?: string;
  handling?: string;
  sources?: string[];
}

export type CaseGraph = AbstractGraph<EntityAttributes, LinkAttributes>;

/** Roles that are never ranked as key players: the people smuggled and witnesses. */
export const PROTECTED_ROLES = ['smuggled person', 'witness'];

/** Whether a node stands for a person the model protects (never a "key player"). */
export function isProtected(attributes: EntityAttributes): boolean {
  return (
    attributes.entityType === 'Person' && (attributes.roles ?? []).some((r) => PROTECTED_ROLES.includes(r))
  );
}
