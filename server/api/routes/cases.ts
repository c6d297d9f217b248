/**
 * `/api/cases`: the cases the caller may see, with counts of the entities in them the caller may see;
 * opening a case (from an alert, too), changing it, and its timeline. Every change is audited.
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ, WRITE } from '../../auth/roles.ts';
import {
  CasePatchSchema,
  CaseTimelineSchema,
  CaseWorkSchema,
  NewCaseSchema,
} from '../../schema/api/cases.ts';
import { CaseListSchema, EntityIdParamsSchema } from '../../schema/api/entities.ts';
import { CaseWorkError, caseTimeline, changeCase, openCase, readCaseWork } from '../../store/case-work.ts';
import { EntityInvalidError, ClearanceExceededError } from '../../store/entity-writes.ts';
import { listCases } from '../../store/cases.ts';
import type { Store } from '../../store/store.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the cases router needs. */
export interface CasesDeps {
  store: Store;
}

/** Turns the store's refusals into HTTP answers that name the field. */
async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CaseWorkError)
      throw new HttpError(
        error.status,
        error.status === 403 ? 'Forbidden' : 'Invalid request',
        error.field === null ? undefined : [{ field: `body.${error.field}`, message: error.message }],
      );
    if (error instanceof EntityInvalidError)
      throw new HttpError(
        400,
        'Invalid request',
        error.issues.map((i) => ({ field: `body.${i.field}`, message: i.message })),
      );
    if (error instanceof ClearanceExceededError) throw new HttpError(403, error.message);
    throw error;
  }
}

/** The cases router. */
export function casesRouter({ store }: CasesDeps): Router {
  const router = Router();

  route(
    router,
    {
      method: 'get',
      path: '/api/cases',
      summary: 'The cases you may see, by name, with counts of their entities you may see',
      tags: ['cases'],
      roles: READ,
      audit: 'cases.list',
      responses: { 200: { description: 'The cases', schema: CaseListSchema } },
    },
    async ({ viewer }) => ({ cases: await listCases(store, clearanceOf(viewer)) }),
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/cases/{id}',
      summary: 'One case with its properties and counts of its entities you may see',
      tags: ['cases'],
      roles: READ,
      params: EntityIdParamsSchema,
      audit: 'cases.read',
      responses: {
        200: { description: 'The case', schema: CaseWorkSchema },
        404: { description: 'No such case, or not one you may see' },
      },
    },
    async ({ params, viewer }) => {
      const found = await readCaseWork(store, clearanceOf(viewer), params.id);
      if (found === null) throw new HttpError(404, 'No such case');
      return found;
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/cases/{id}/timeline',
      summary: 'The events, payments and journeys of the case entities you may see, by date',
      tags: ['cases'],
      roles: READ,
      params: EntityIdParamsSchema,
      audit: 'cases.timeline',
      responses: {
        200: { description: 'The timeline', schema: CaseTimelineSchema },
        404: { description: 'No such case, or not one you may see' },
      },
    },
    async ({ params, viewer }) => {
      const found = await caseTimeline(store, clearanceOf(viewer), params.id);
      if (found === null) throw new HttpError(404, 'No such case');
      return found;
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/cases',
      summary: 'Open a case, with its owners, members and entities, or from one of your alerts',
      tags: ['cases'],
      roles: WRITE,
      body: NewCaseSchema,
      audit: 'cases.create',
      responses: {
        201: { description: 'The case', schema: CaseWorkSchema },
        400: { description: 'Invalid, or names something you may not see' },
        403: { description: 'The handling code is beyond your clearance' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const work = await mapped(openCase(store, clearanceOf(viewer), viewer, body));
      await audit({
        action: 'cases.create',
        targets: [work.id],
        about: [work.id],
        parameters: body,
        outcome: 'ok',
      });
      res.status(201).setHeader('Location', `/api/cases/${encodeURIComponent(work.id)}`);
      return work;
    },
  );

  route(
    router,
    {
      method: 'patch',
      path: '/api/cases/{id}',
      summary: 'Change a case: title, status, owners, members, entities, alerts',
      tags: ['cases'],
      roles: WRITE,
      params: EntityIdParamsSchema,
      body: CasePatchSchema,
      audit: 'cases.update',
      responses: {
        200: { description: 'The case', schema: CaseWorkSchema },
        403: { description: 'You are not an owner or member of the case' },
        404: { description: 'No such case, or not one you may see' },
      },
    },
    async ({ params, body, viewer, audit }) => {
      const work = await mapped(changeCase(store, clearanceOf(viewer), viewer, params.id, body));
      if (work === null) throw new HttpError(404, 'No such case');
      await audit({ action: 'cases.update', targets: [params.id], parameters: body, outcome: 'ok' });
      return work;
    },
  );

  return router;
}
