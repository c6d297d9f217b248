/**
 * `/api/entities`: search and type-ahead, one entity, and analysts' edits (create, change under
 * `If-Match`, retract). Every read runs under the caller's clearance in the store, so an entity the
 * caller may not see is a 404, exactly like one that does not exist. Every answer is audited.
 */
import { Router } from 'express';
import { alertOnEdit } from '../../alerts/index.ts';
import type { EntityLabel } from '../../schema/model.ts';
import { clearanceOf } from '../../auth/context.ts';
import { READ, WRITE } from '../../auth/roles.ts';
import {
  CreateEntityBodySchema,
  EntityDetailSchema,
  EntityIdParamsSchema,
  EntitySearchQuerySchema,
  EntitySearchResultSchema,
  PatchEntityBodySchema,
  RetractBodySchema,
  SuggestionsSchema,
  SuggestQuerySchema,
} from '../../schema/api/entities.ts';
import {
  ClearanceExceededError,
  createEntity,
  EntityExistsError,
  EntityInvalidError,
  EntityRetractedError,
  retractEntity,
  updateEntity,
  VersionMismatchError,
} from '../../store/entity-writes.ts';
import { getEntity } from '../../store/entities.ts';
import { searchEntities, suggest } from '../../store/search.ts';
import type { Store } from '../../store/store.ts';
import { coalesced } from '../coalesce.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** Matches an analyst's committed edit against the watches, apart from the answer. */
function alertOnEntityEdit(store: Store, entity: { id: string; type: EntityLabel }): void {
  alertOnEdit(store, { nodes: [{ id: entity.id, label: entity.type }], links: [] });
}

/** What the entities router needs. */
export interface EntitiesDeps {
  store: Store;
}

const NOT_FOUND = 'No such entity';
const TAGS = ['entities'];

/** The store's refusals as HTTP errors; anything else passes unchanged. */
export function entityHttpError(error: unknown): unknown {
  if (error instanceof EntityInvalidError) {
    const errors = error.issues.map((i) => ({ field: `body.properties.${i.field}`, message: i.message }));
    return new HttpError(400, 'The entity is not valid', errors);
  }
  if (error instanceof ClearanceExceededError) return new HttpError(403, error.message);
  if (error instanceof EntityExistsError || error instanceof EntityRetractedError) {
    return new HttpError(409, error.message);
  }
  if (error instanceof VersionMismatchError) return new HttpError(412, error.message);
  if (error instanceof RangeError)
    return new HttpError(400, 'Invalid request', [{ field: 'query', message: error.message }]);
  return error;
}

async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw entityHttpError(error);
  }
}

/** The version an `If-Match` header names: `3`, `"3"` or `W/"3"`; 428 without one. */
export function expectedVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new HttpError(428, 'Send If-Match with the version you read (the ETag of GET /api/entities/{id})');
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new HttpError(400, 'Invalid request', [
      { field: 'header.If-Match', message: 'must be a version number' },
    ]);
  }
  return Number(match[1]);
}

/** The entities router: search, suggest, read, create, change, retract. */
export function entitiesRouter({ store }: EntitiesDeps): Router {
  const router = Router();

  route(
    router,
    {
      method: 'get',
      path: '/api/entities',
      summary:
        'Search entities by name, alias or identifier, with filters; totals count only what you may see',
      tags: TAGS,
      roles: READ,
      query: EntitySearchQuerySchema,
      audit: 'entities.search',
      responses: { 200: { description: 'One page of matches', schema: EntitySearchResultSchema } },
    },
    ({ query, viewer }) =>
      mapped(
        coalesced(store, ['entities.search', clearanceOf(viewer), query], () =>
          searchEntities(store, clearanceOf(viewer), {
            q: query.q,
            types: query.type,
            caseId: query.case,
            since: query.since,
            until: query.until,
            minSource: query.minSource,
            limit: query.limit,
            offset: query.offset,
            sort: query.sort,
            includeRetracted: query.includeRetracted,
          }),
        ),
      ),
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/entities/suggest',
      summary: 'Type-ahead: entities whose names or identifiers start with the prefix',
      tags: TAGS,
      roles: READ,
      query: SuggestQuerySchema,
      audit: 'entities.suggest',
      responses: { 200: { description: 'Suggestions', schema: SuggestionsSchema } },
    },
    ({ query, viewer }) =>
      coalesced(store, ['entities.suggest', clearanceOf(viewer), query], () =>
        suggest(store, clearanceOf(viewer), query.prefix, query.limit),
      ),
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/entities/{id}',
      summary: 'One entity with its properties, version (also the ETag), sources and relations',
      tags: TAGS,
      roles: READ,
      params: EntityIdParamsSchema,
      audit: 'entities.read',
      responses: {
        200: { description: 'The entity', schema: EntityDetailSchema },
        404: { description: 'No such entity, or not one you may see' },
      },
    },
    async ({ params, viewer, res }) => {
      const entity = await coalesced(store, ['entities.read', clearanceOf(viewer), params.id], () =>
        getEntity(store, clearanceOf(viewer), params.id),
      );
      if (entity === null) throw new HttpError(404, NOT_FOUND);
      res.setHeader('ETag', `"${entity.version}"`);
      return entity;
    },
  );

  writeRoutes(router, store);
  return router;
}

function writeRoutes(router: Router, store: Store): void {
  route(
    router,
    {
      method: 'post',
      path: '/api/entities',
      summary:
        'Create an entity, validated as an import would be; you must be cleared for its handling. Ariadne ' +
        'assigns the id (in Location and the body) and refuses one in the request, so an id held by a record ' +
        'you may not see answers like any other; a visible entity with the same natural key (IBAN, IMO, ' +
        'document number...) is a 409 naming it, an invisible one is neither named nor touched',
      tags: TAGS,
      roles: WRITE,
      body: CreateEntityBodySchema,
      audit: 'entities.create',
      responses: {
        201: { description: 'Created, with the id Ariadne assigned', schema: EntityDetailSchema },
        400: { description: 'The entity is not valid, or names its own id' },
        403: { description: 'The handling or restriction is beyond your clearance' },
        409: { description: 'An entity you may see has the same natural key' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const entity = await mapped(createEntity(store, clearanceOf(viewer), viewer, body));
      await audit({
        action: 'entities.create',
        targets: [entity.id],
        about: [entity.id],
        parameters: { type: entity.type },
        outcome: 'ok',
      });
      alertOnEntityEdit(store, entity);
      res.status(201).setHeader('Location', `/api/entities/${encodeURIComponent(entity.id)}`);
      res.setHeader('ETag', `"${entity.version}"`);
      return entity;
    },
  );

  route(
    router,
    {
      method: 'patch',
      path: '/api/entities/{id}',
      summary: 'Change an entity at the version named by If-Match; null removes a property',
      tags: TAGS,
      roles: WRITE,
      params: EntityIdParamsSchema,
      body: PatchEntityBodySchema,
      audit: 'entities.update',
      responses: {
        200: { description: 'The changed entity', schema: EntityDetailSchema },
        404: { description: 'No such entity, or not one you may see' },
        409: { description: 'The entity is retracted' },
        412: { description: 'The entity changed since that version' },
        428: { description: 'If-Match is missing' },
      },
    },
    async ({ params, body, viewer, audit, req, res }) => {
      const version = expectedVersion(req.get('if-match'));
      const entity = await mapped(
        updateEntity(store, clearanceOf(viewer), viewer, params.id, body.properties, version),
      );
      if (entity === null) throw new HttpError(404, NOT_FOUND);
      const parameters = { fields: Object.keys(body.properties), version };
      await audit({ action: 'entities.update', targets: [params.id], parameters, outcome: 'ok' });
      alertOnEntityEdit(store, entity);
      res.setHeader('ETag', `"${entity.version}"`);
      return entity;
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/entities/{id}/retract',
      summary: 'Withdraw an entity: kept, marked with who, when and why, and left out of searches',
      tags: TAGS,
      roles: WRITE,
      params: EntityIdParamsSchema,
      body: RetractBodySchema,
      audit: 'entities.retract',
      responses: {
        200: { description: 'The retracted entity', schema: EntityDetailSchema },
        404: { description: 'No such entity, or not one you may see' },
      },
    },
    async ({ params, body, viewer, audit }) => {
      const entity = await retractEntity(store, clearanceOf(viewer), viewer, params.id, body.reason);
      if (entity === null) throw new HttpError(404, NOT_FOUND);
      await audit({
        action: 'entities.retract',
        targets: [params.id],
        parameters: { reason: body.reason },
        outcome: 'ok',
      });
      return entity;
    },
  );
}
