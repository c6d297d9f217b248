/**
 * Link schemas: one per relationship type, each with the provenance block. A link names its ends by
 * entity id; which labels those ends may have is in LINK_ENDPOINTS and is checked once ids are resolved.
 */
import { z } from 'zod';
import { checkRecordRules, type RecordRule } from './entities/common.ts';
import { ExtraValueSchema } from './extras.ts';
import { dateField, idField, nameField, number, numberField } from './fields.ts';
import { LINK_TYPES, type LinkType } from './model.ts';
import { provenanceShape } from './provenance.ts';

export { checkLinkEndpoints, LINK_ENDPOINTS, type LinkEndpoints } from './link-endpoints.ts';

/** The fields every link has. */
export const linkShape = {
  id: idField.meta({ description: 'Stable id; derived from type, ends, date, role and order when absent' }),
  source: idField.meta({ description: 'Id of the entity the link starts at' }),
  target: idField.meta({ description: 'Id of the entity the link ends at' }),
  weight: numberField(
    number('a positive number').positive('must be positive (calls, meetings, amounts)'),
  ).optional(),
  role: nameField.optional(),
  date: dateField.optional(),
  ...provenanceShape,
};

const orderField = numberField(
  number('a leg number (0, 1, 2...)').int('must be a whole number').nonnegative('cannot be negative'),
);

const noSelfLoop: RecordRule = (record) =>
  typeof record.source === 'string' && record.source === record.target
    ? [{ path: ['target'], message: 'a link cannot join an entity to itself: check source and target' }]
    : [];

function defineLinkSchema<S extends z.core.$ZodLooseShape>(shape: S, id: string, description: string) {
  return z
    .object(shape)
    .catchall(ExtraValueSchema)
    .superRefine(
      (value, context) => {
        for (const issue of checkRecordRules(value, [noSelfLoop]))
          context.addIssue({ code: 'custom', ...issue });
      },
      { when: () => true },
    )
    .meta({ id, description });
}

const LINK_DESCRIPTIONS: Readonly<Record<LinkType, string>> = {
  ASSOCIATE_OF: 'Two parties known to work or act together',
  FAMILY_OF: 'Family relationship; role names it (brother, cousin)',
  MEMBER_OF: 'Membership of an organisation; role names the position',
  LEADS: 'A person leads an organisation or directs another person',
  EMPLOYED_BY: 'Employment',
  HOLDS: 'A person holds a document',
  USED: 'A party used a document, vehicle, vessel, communication or account',
  OWNS: 'Ownership of any asset',
  OPERATES: 'A party operates a vessel or vehicle',
  CREWED: 'A party crewed a vessel or vehicle',
  HOLDS_ACCOUNT: 'A party holds an account',
  PAID: 'A party paid a Payment',
  RECEIVED: 'A Payment was received by a party',
  CONTACTED: 'Contact between parties or communications; weight counts contacts',
  SMUGGLED: 'A facilitator smuggled a person',
  TRAVELLED: 'A person travelled a route or took part in an event',
  ROUTE_LEG: 'A leg of a route at a location, in order (0, 1, 2...)',
  LOCATED_IN: 'Something is or happened at a location',
  BASED_IN: 'A party is based at a location',
  INVOLVED_IN: 'Involvement in an offence or event',
  SUSPECTED_OF: 'A party is suspected of an offence',
  CONVICTED_OF: 'A party was convicted of an offence',
  PART_OF: 'A record belongs to a case',
  REPORTED_IN: 'A record was reported in a source',
  SAME_AS: 'Analyst-confirmed identity between two records of one label',
};

const routeLegShape = {
  ...linkShape,
  order: orderField.meta({ description: 'Position of the leg, from 0' }),
};

/** Any link: the fields every relationship type accepts (ROUTE_LEG also requires `order`). */
export const LinkSchema = defineLinkSchema(linkShape, 'Link', 'A relationship between two entities');
export type Link = z.infer<typeof LinkSchema>;

type GeneralLinkSchema = ReturnType<typeof defineLinkSchema<typeof linkShape>>;
type RouteLegLinkSchema = ReturnType<typeof defineLinkSchema<typeof routeLegShape>>;

function buildLinkSchemas() {
  const schemas: Partial<Record<LinkType, GeneralLinkSchema | RouteLegLinkSchema>> = {};
  for (const type of LINK_TYPES) {
    const shape = type === 'ROUTE_LEG' ? routeLegShape : linkShape;
    schemas[type] = defineLinkSchema(shape, `${type}_link`, LINK_DESCRIPTIONS[type]);
  }
  return schemas as Record<Exclude<LinkType, 'ROUTE_LEG'>, GeneralLinkSchema> & {
    ROUTE_LEG: RouteLegLinkSchema;
  };
}

/** The schema of each link type. */
export const LINK_SCHEMAS = buildLinkSchemas();

/** ROUTE_LEG: Route -> Location, with the leg's `order` (0, 1, 2...). */
export const RouteLegSchema = LINK_SCHEMAS.ROUTE_LEG;
export type RouteLeg = z.infer<typeof RouteLegSchema>;

/** The validated properties of a link of type T. */
export type LinkOf<T extends LinkType> = z.infer<(typeof LINK_SCHEMAS)[T]>;
