/**
 * `/api/views`: saved views of the workspace, owned and shared with named users. A view is read cut
 * to the reader's clearance (records beyond it are left out, neither listed nor counted); one the
 * caller neither owns nor is shared is the same 404 as a missing id; only the owner changes or
 * deletes it (403 for those it is shared with).
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ, WRITE } from '../../auth/roles.ts';
import {
  SavedViewSchema,
  ViewIdParamsSchema,
  ViewListSchema,
  ViewWriteSchema,
  type ViewWrite,
} from '../../schema/api/views.ts';
import type { Store } from '../../store/store.ts';
import {
  createView,
  deleteView,
  getView,
  listViews,
  updateView,
  type ViewRefusal,
} from '../../store/views.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

const TAGS = ['views'];
const NOT_FOUND = 'No such view';

/** What the views router needs. */
export interface ViewsDeps {
  store: Store;
}

function refusalError(refusal: ViewRefusal, write?: ViewWrite): HttpError {
  switch (refusal.refused) {
    case 'not-found':
      return new HttpError(404, NOT_FOUND);
    case 'not-owner':
      return new HttpError(403, `Only the view's owner, ${refusal.owner}, may change or delete it`, [
        { field: 'params.id', message: 'save a copy of your own with POST /api/views instead' },
      ]);
    case 'unknown-users':
      return new HttpError(
        400,
        'Invalid request',
        refusal.indexes.map((i) => ({
          field: `body.sharedWith.${i}`,
          message: `no user is named ${JSON.stringify(write?.sharedWith[i])}: share with existing usernames`,
        })),
      );
  }
}

function outcome<T>(value: T | ViewRefusal, write?: ViewWrite): T {
  if (value !== null && typeof value === 'object' && 'refused' in value) throw refusalError(value, write);
  return value as T;
}

/** The views router. */
export function viewsRouter({ store }: ViewsDeps): Router {
  const router = Router();
  const viewResponse = { description: 'The view, cut to the records you may see', schema: SavedViewSchema };

  route(
    router,
    {
      method: 'get',
      path: '/api/views',
      summary: 'The views you own and those shared with you, by name',
      tags: TAGS,
      roles: READ,
      audit: 'views.list',
      responses: { 200: { description: 'The views', schema: ViewListSchema } },
    },
    async ({ viewer }) => ({ views: await listViews(store, viewer.username) }),
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/views',
      summary: 'Save a view under a name, shared with named users; records you may not see are not kept',
      tags: TAGS,
      roles: WRITE,
      body: ViewWriteSchema,
      audit: 'views.create',
      responses: { 201: viewResponse, 400: { description: 'Invalid state, or no such user to share with' } },
    },
    async ({ body, viewer, audit, res }) => {
      const view = outcome(await createView(store, clearanceOf(viewer), viewer.username, body), body);
      await audit({
        action: 'views.create',
        targets: [view.id],
        about: [view.id],
        parameters: { sharedWith: view.sharedWith },
        outcome: 'ok',
      });
      res.status(201).setHeader('Location', `/api/views/${view.id}`);
      return view;
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/views/{id}',
      summary: 'One view you own or that is shared with you, with only the records you may see',
      tags: TAGS,
      roles: READ,
      params: ViewIdParamsSchema,
      audit: 'views.read',
      responses: {
        200: viewResponse,
        404: { description: 'No such view, or not one you own or are shared' },
      },
    },
    async ({ params, viewer }) => {
      const view = await getView(store, clearanceOf(viewer), viewer.username, params.id);
      if (view === null) throw new HttpError(404, NOT_FOUND);
      return view;
    },
  );

  route(
    router,
    {
      method: 'put',
      path: '/api/views/{id}',
      summary: "Replace a view's name, state and sharing; only its owner may",
      tags: TAGS,
      roles: WRITE,
      params: ViewIdParamsSchema,
      body: ViewWriteSchema,
      audit: 'views.update',
      responses: {
        200: viewResponse,
        403: { description: 'The view is shared with you, not yours' },
        404: { description: 'No such view, or not one you own or are shared' },
      },
    },
    async ({ params, body, viewer }) =>
      outcome(await updateView(store, clearanceOf(viewer), viewer.username, params.id, body), body),
  );

  route(
    router,
    {
      method: 'delete',
      path: '/api/views/{id}',
      summary: 'Delete a view and the notes about it; only its owner may',
      tags: TAGS,
      roles: WRITE,
      params: ViewIdParamsSchema,
      audit: 'views.delete',
      responses: {
        204: { description: 'Deleted' },
        403: { description: 'The view is shared with you, not yours' },
        404: { description: 'No such view, or not one you own or are shared' },
      },
    },
    async ({ params, viewer, audit, res }) => {
      outcome(await deleteView(store, viewer.username, params.id));
      await audit({ action: 'views.delete', targets: [params.id], outcome: 'ok' });
      res.status(204).end();
    },
  );

  return router;
}
