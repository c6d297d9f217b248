/** `/api/cases`: the cases the caller may see, with counts of the entities in them the caller may see. */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ } from '../../auth/roles.ts';
import { CaseDetailSchema, CaseListSchema, EntityIdParamsSchema } from '../../schema/api/entities.ts';
import { getCase, listCases } from '../../store/cases.ts';
import type { Store } from '../../store/store.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the cases router needs. */
export interface CasesDeps {
  store: Store;
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
        200: { description: 'The case', schema: CaseDetailSchema },
        404: { description: 'No such case, or not one you may see' },
      },
    },
    async ({ params, viewer }) => {
      const found = await getCase(store, clearanceOf(viewer), params.id);
      if (found === null) throw new HttpError(404, 'No such case');
      return found;
    },
  );

  return router;
}
