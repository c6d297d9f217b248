/**
 * `/api/watches`: what the caller watches (entities, identifiers, patterns), with the purpose of each
 * recorded in the audit trail; and `/api/alerts`: what the watches they own or share matched, each
 * shown only while they may see every record in it.
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ, WRITE } from '../../auth/roles.ts';
import { webhookRefusal } from '../../alerts/webhook.ts';
import {
  AlertListSchema,
  AlertQuerySchema,
  AlertSchema,
  DismissAlertSchema,
  MarkAlertSchema,
} from '../../schema/api/alerts.ts';
import {
  CreatedWatchSchema,
  NewWatchSchema,
  RenewWatchSchema,
  WatchIdParamsSchema,
  WatchListSchema,
  WatchSchema,
} from '../../schema/api/watches.ts';
import { dismissAlert, getAlert, listAlerts, markAlert } from '../../store/alerts-read.ts';
import type { Store } from '../../store/store.ts';
import { createWatch, deleteWatch, listWatches, renewWatch, WatchInputError } from '../../store/watches.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the watches router needs. */
export interface WatchesDeps {
  store: Store;
}

const NO_WATCH = 'No such watch of yours';
const NO_ALERT = 'No such alert for you';

async function inputChecked<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof WatchInputError)) throw error;
    throw new HttpError(400, 'Invalid request', [{ field: `body.${error.field}`, message: error.message }]);
  }
}

/** The watches and alerts router. */
export function watchesRouter({ store }: WatchesDeps): Router {
  const router = Router();
  const noRecords = () => [];

  route(
    router,
    {
      method: 'get',
      path: '/api/watches',
      summary: 'The watches you own or that are shared with you',
      tags: ['watches'],
      roles: READ,
      audit: 'watches.list',
      responses: { 200: { description: 'The watches', schema: WatchListSchema } },
    },
    async ({ viewer }) => ({ watches: await listWatches(store, viewer.username) }),
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/watches',
      summary: 'Watch an entity, an identifier or a pattern, for a purpose that is audited',
      tags: ['watches'],
      roles: WRITE,
      body: NewWatchSchema,
      audit: 'watches.create',
      responses: {
        201: { description: 'The watch, with its webhook secret shown once', schema: CreatedWatchSchema },
        400: { description: 'Invalid, or names an entity you may not see' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const refusal = body.webhook === undefined ? undefined : webhookRefusal(body.webhook.url);
      if (refusal !== undefined)
        throw new HttpError(400, 'Invalid request', [{ field: 'body.webhook.url', message: refusal }]);
      const watch = await inputChecked(createWatch(store, viewer, clearanceOf(viewer), body));
      await audit({
        action: 'watches.create',
        targets: [watch.id],
        about: [],
        parameters: {
          kind: watch.kind,
          ...watch.parameters,
          sharedWith: watch.sharedWith,
          reviewBy: watch.reviewBy,
        },
        purpose: body.purpose,
        outcome: 'ok',
      });
      res.status(201).setHeader('Location', `/api/watches/${encodeURIComponent(watch.id)}`);
      return watch;
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/api/watches/{id}',
      summary: 'Stop one of your watches',
      tags: ['watches'],
      roles: READ,
      params: WatchIdParamsSchema,
      about: noRecords,
      audit: 'watches.delete',
      responses: { 204: { description: 'Deleted' }, 404: { description: NO_WATCH } },
    },
    async ({ params, viewer, res }) => {
      if (!(await deleteWatch(store, viewer.username, params.id))) throw new HttpError(404, NO_WATCH);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/watches/{id}/renew',
      summary: 'Renew one of your watches past its review date, saying why it is still needed',
      tags: ['watches'],
      roles: READ,
      params: WatchIdParamsSchema,
      body: RenewWatchSchema,
      about: noRecords,
      audit: 'watches.renew',
      responses: {
        200: { description: 'The renewed watch', schema: WatchSchema },
        404: { description: NO_WATCH },
      },
    },
    async ({ params, body, viewer, audit }) => {
      const watch = await inputChecked(renewWatch(store, viewer.username, params.id, body));
      if (watch === null) throw new HttpError(404, NO_WATCH);
      await audit({
        action: 'watches.renew',
        targets: [watch.id],
        about: [],
        parameters: { reviewBy: watch.reviewBy },
        purpose: body.reason,
        outcome: 'ok',
      });
      return watch;
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/alerts',
      summary: 'Your alerts that you may see, newest first, with the unread count',
      tags: ['alerts'],
      roles: READ,
      query: AlertQuerySchema,
      about: noRecords,
      audit: 'alerts.list',
      responses: { 200: { description: 'The alerts', schema: AlertListSchema } },
    },
    async ({ query, viewer }) => listAlerts(store, viewer.username, clearanceOf(viewer), query),
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/alerts/{id}',
      summary: 'One of your alerts',
      tags: ['alerts'],
      roles: READ,
      params: WatchIdParamsSchema,
      about: noRecords,
      audit: 'alerts.read',
      responses: { 200: { description: 'The alert', schema: AlertSchema }, 404: { description: NO_ALERT } },
    },
    async ({ params, viewer }) => {
      const alert = await getAlert(store, viewer.username, clearanceOf(viewer), params.id);
      if (alert === null) throw new HttpError(404, NO_ALERT);
      return alert;
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/alerts/{id}/read',
      summary: 'Mark one of your alerts read or unread',
      tags: ['alerts'],
      roles: READ,
      params: WatchIdParamsSchema,
      body: MarkAlertSchema,
      about: noRecords,
      audit: 'alerts.mark',
      responses: { 204: { description: 'Marked' }, 404: { description: NO_ALERT } },
    },
    async ({ params, body, viewer, res }) => {
      if (!(await markAlert(store, viewer.username, clearanceOf(viewer), params.id, body.read)))
        throw new HttpError(404, NO_ALERT);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/alerts/{id}/dismiss',
      summary: 'Dismiss one of your alerts, saying why it needs no action',
      tags: ['alerts'],
      roles: READ,
      params: WatchIdParamsSchema,
      body: DismissAlertSchema,
      about: noRecords,
      audit: 'alerts.dismiss',
      responses: {
        204: { description: 'Dismissed' },
        404: { description: `${NO_ALERT}, or dismissed already` },
      },
    },
    async ({ params, body, viewer, audit, res }) => {
      if (!(await dismissAlert(store, viewer.username, clearanceOf(viewer), params.id, body.reason)))
        throw new HttpError(404, NO_ALERT);
      await audit({
        action: 'alerts.dismiss',
        targets: [params.id],
        about: [],
        parameters: { reason: body.reason },
        outcome: 'ok',
      });
      res.status(204).end();
    },
  );

  return router;
}
