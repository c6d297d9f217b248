/**
 * Maps FollowTheMoney relationship schemata (interval entities with two ends) onto Ariadne links, and
 * Sanction and Note onto patches of the entity they describe.
 */
import type { FtmEntity } from './ftm-entity.ts';
import type { Mapped } from './ftm-fields.ts';
import { all, compact, first, pairLinks, provenance, required } from './ftm-fields.ts';

/** How one FtM relationship schema becomes a link: which properties are its ends, and its role. */
type LinkRule = { type: string; from: string; to: string; role?: (entity: FtmEntity) => string | undefined };

const roleProperty = (entity: FtmEntity) => first(entity, 'role');

/** The relationship schemata read as links. */
export const LINK_RULES: Record<string, LinkRule> = {
  Ownership: { type: 'OWNS', from: 'owner', to: 'asset', role: roleProperty },
  Directorship: { type: 'EMPLOYED_BY', from: 'director', to: 'organization', role: () => 'director' },
  Membership: { type: 'MEMBER_OF', from: 'member', to: 'organization', role: roleProperty },
  Employment: { type: 'EMPLOYED_BY', from: 'employee', to: 'employer', role: roleProperty },
  Family: {
    type: 'FAMILY_OF',
    from: 'person',
    to: 'relative',
    role: (entity) => first(entity, 'relationship'),
  },
  Associate: {
    type: 'ASSOCIATE_OF',
    from: 'person',
    to: 'associate',
    role: (entity) => first(entity, 'relationship'),
  },
  UnknownLink: { type: 'ASSOCIATE_OF', from: 'subject', to: 'object', role: roleProperty },
};

/** Maps a relationship entity by its rule; a missing end is an error naming the property. */
export function mapRelationship(entity: FtmEntity): Mapped[] {
  const rule = LINK_RULES[entity.schema];
  if (rule === undefined) return [];
  const from = required(entity, rule.from);
  if (!Array.isArray(from)) return [from];
  const to = required(entity, rule.to);
  if (!Array.isArray(to)) return [to];
  return pairLinks(entity, rule.type, from, to, {
    role: rule.role?.(entity),
    date: first(entity, 'startDate', 'date'),
  });
}

/** Sanction -> `sanctioned: true` and the programme, as a patch of each sanctioned entity. */
export function mapSanction(entity: FtmEntity): Mapped[] {
  return patches(entity, {
    sanctioned: true,
    sanctionProgram: first(entity, 'program', 'programId', 'authority'),
  });
}

/** Note -> `notes` on the entity it is about. */
export function mapNote(entity: FtmEntity): Mapped[] {
  const text = all(entity, 'description', 'summary', 'name').join('\n\n');
  return patches(entity, { notes: text === '' ? undefined : text });
}

function patches(entity: FtmEntity, fields: Record<string, unknown>): Mapped[] {
  const targets = required(entity, 'entity');
  if (!Array.isArray(targets)) return [targets];
  // The target's label is only known once the pipeline resolves its id, hence the empty type.
  return targets.map((id) => ({
    kind: 'entity-patch' as const,
    type: '',
    fields: compact({ id, ...fields, ...provenance(entity) }),
  }));
}
