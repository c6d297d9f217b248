/**
 * `/api/check/document` and `/api/check/vessel`: front-line checks at a border point, in the manner
 * of INTERPOL's SLTD and vessel queries. Each is one small index-backed query, and each is audited
 * with what was asked and whether it was known, whatever the answer.
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ } from '../../auth/roles.ts';
import {
  type CheckResult,
  CheckResultSchema,
  DocumentCheckQuerySchema,
  VesselCheckQuerySchema,
} from '../../schema/api/checks.ts';
import { CheckInputError, checkDocument, checkVessel } from '../../store/checks.ts';
import type { Store } from '../../store/store.ts';
import type { Audit } from '../../auth/context.ts';
import { coalesced } from '../coalesce.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the checks router needs. */
export interface ChecksDeps {
  store: Store;
}

/** Runs a check and audits it: the query, whether it was known and flagged, and the matches' ids. */
async function audited(
  action: string,
  query: Record<string, unknown>,
  audit: Audit,
  work: Promise<CheckResult>,
) {
  let result: CheckResult;
  try {
    result = await work;
  } catch (error) {
    if (!(error instanceof CheckInputError)) throw error;
    await audit({ action, targets: [], parameters: query, outcome: 'invalid' });
    throw new HttpError(400, 'Invalid request', [{ field: `query.${error.field}`, message: error.message }]);
  }
  await audit({
    action,
    targets: result.matches.map((match) => match.id),
    parameters: { ...query, known: result.known, alert: result.alert },
    outcome: 'ok',
  });
  return result;
}

/** The checks router. */
export function checksRouter({ store }: ChecksDeps): Router {
  const router = Router();

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
    ({ query, viewer, audit }) =>
      audited(
        'check.document',
        query,
        audit,
        coalesced(store, ['check.document', clearanceOf(viewer), query], () =>
          checkDocument(store, clearanceOf(viewer), query),
        ),
      ),
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
    ({ query, viewer, audit }) =>
      audited(
        'check.vessel',
        query,
        audit,
        coalesced(store, ['check.vessel', clearanceOf(viewer), query], () =>
          checkVessel(store, clearanceOf(viewer), query),
        ),
      ),
  );

  return router;
}
