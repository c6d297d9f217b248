/**
 * `/api/check/document` and `/api/check/vessel`: front-line checks at a border point, in the manner
 * of INTERPOL's SLTD and vessel queries. Each is one small index-backed query, and each is audited
 * with what was asked and whether it was known, whatever the answer.
 */
import { Router } from 'express';
import type { Audit } from '../../audit/audit-trail.ts';
import { type Clearance, clearanceOf, type Viewer } from '../../auth/context.ts';
import { READ } from '../../auth/roles.ts';
import {
  type CheckResult,
  CheckResultSchema,
  DocumentCheckQuerySchema,
  VesselCheckQuerySchema,
} from '../../schema/api/checks.ts';
import { alertOnBorderCheck } from '../../alerts/index.ts';
import type { CheckedItem } from '../../store/alert-checks.ts';
import { CheckInputError, checkDocument, checkVessel } from '../../store/checks.ts';
import type { Store } from '../../store/store.ts';
import { WatchedIdentifiers } from '../../store/watched-identifiers.ts';
import { coalesced, writesCommitted } from '../coalesce.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the checks router needs. */
export interface ChecksDeps {
  store: Store;
}

/** What a check route is given, and the check it runs under the caller's clearance. */
interface CheckCall<Q extends Record<string, unknown>> {
  query: Q;
  viewer: Viewer;
  audit: Audit;
}

/**
 * Runs a check (identical checks under way at once share one query) and audits it: the query,
 * whether it was known and flagged, and the matches' ids.
 */
async function audited<Q extends Record<string, unknown>>(
  store: Store,
  watched: WatchedIdentifiers,
  action: string,
  { query, viewer, audit }: CheckCall<Q>,
  check: (store: Store, clearance: Clearance, query: Q) => Promise<CheckResult>,
) {
  const clearance = clearanceOf(viewer);
  let result: CheckResult;
  try {
    result = await coalesced(store, [action, clearance, query], () => check(store, clearance, query));
  } catch (error) {
    if (!(error instanceof CheckInputError)) throw error;
    await audit({ action, targets: [], parameters: query, outcome: 'invalid' });
    throw new HttpError(400, 'Invalid request', [{ field: `query.${error.field}`, message: error.message }]);
  }
  const item: CheckedItem =
    action === 'check.document'
      ? { kind: 'document', number: result.query.number ?? '', country: result.query.country }
      : { kind: 'vessel', imo: result.query.imo, mmsi: result.query.mmsi };
  // The watches' recipients are alerted apart from the answer, which neither waits for nor shows it.
  alertOnBorderCheck(store, watched, item, viewer);
  const matched = result.matches.map((match) => match.id);
  await audit({
    action,
    targets: matched,
    about: matched,
    parameters: { ...query, known: result.known, alert: result.alert },
    outcome: 'ok',
  });
  return result;
}

/** The checks router. */
export function checksRouter({ store }: ChecksDeps): Router {
  const router = Router();
  const watched = new WatchedIdentifiers(store, writesCommitted);

  route(
    router,
    {
      method: 'get',
      path: '/api/check/document',
      summary:
        'Is this travel document known, and is it stolen, lost or forged? With linked cases and people',
      tags: ['checks'],
      roles: READ,
      query: DocumentCheckQuerySchema,
      audit: 'check.document',
      responses: { 200: { description: 'The answer', schema: CheckResultSchema } },
    },
    (call) => audited(store, watched, 'check.document', call, checkDocument),
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/check/vessel',
      summary: 'Is this vessel known (by IMO, MMSI, or current or past name), and is it flagged?',
      tags: ['checks'],
      roles: READ,
      query: VesselCheckQuerySchema,
      audit: 'check.vessel',
      responses: { 200: { description: 'The answer', schema: CheckResultSchema } },
    },
    (call) => audited(store, watched, 'check.vessel', call, checkVessel),
  );

  return router;
}
