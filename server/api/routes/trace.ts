/**
 * `GET /api/analyses/trace`: follows the money forward from a party, or back into it, along
 * time-respecting paths over the payments the caller may see (as `ariadne trace` does for the
 * operator), and `POST /api/identity/decisions`: an analyst confirms or rejects an identity candidate.
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { ANALYSE, WRITE } from '../../auth/roles.ts';
import { MoneyGraphs } from '../../runner/money-graph.ts';
import { type MoneyTrace, MoneyTraceSchema } from '../../schema/api/analysis-results.ts';
import {
  IdentityDecisionBodySchema,
  IdentityDecisionSchema,
  TraceQuerySchema,
  windowOf,
} from '../../schema/api/analyses.ts';
import { recordIdentityDecision } from '../../store/identity-decisions.ts';
import type { Store } from '../../store/store.ts';
import { writesCommitted } from '../coalesce.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** The money trace and identity decision routes. */
export function traceRouter({ store }: { store: Store }): Router {
  const router = Router();
  const money = new MoneyGraphs(store, writesCommitted);
  route(
    router,
    {
      method: 'get',
      path: '/api/analyses/trace',
      deadline: false,
      summary: 'Follow the money from (or back into) a party, respecting time',
      tags: ['analyses'],
      roles: ANALYSE,
      query: TraceQuerySchema,
      audit: 'analysis.trace',
      responses: {
        200: { description: 'The paths followed and the totals per party', schema: MoneyTraceSchema },
        404: { description: 'No such party, or not one you may see' },
      },
    },
    async ({ query, viewer }): Promise<MoneyTrace> => {
      const trace = await money.trace(clearanceOf(viewer), {
        from: query.from,
        direction: query.direction,
        ...windowOf(query.window),
        maxHops: query.maxHops,
        maxPaths: query.maxPaths,
      });
      if (trace === null)
        throw new HttpError(404, 'No person, organisation or account you may see has that id');
      return trace;
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/identity/decisions',
      summary: 'Confirm (SAME_AS) or reject an identity candidate; repeating a decision changes nothing',
      tags: ['analyses'],
      roles: WRITE,
      body: IdentityDecisionBodySchema,
      responses: {
        200: { description: 'The decision as recorded', schema: IdentityDecisionSchema },
        404: { description: 'An entity does not exist, or is not one you may see' },
        422: { description: 'The two entities are of different types' },
      },
    },
    async ({ body, viewer, audit }) => {
      const outcome = await recordIdentityDecision(store, clearanceOf(viewer), {
        ...body,
        user: viewer.username,
      });
      const targets = [body.a, body.b];
      if ('refused' in outcome) {
        const status = outcome.refused === 'not-found' ? 404 : 422;
        await audit({
          action: 'identity.decision',
          targets,
          about: targets,
          parameters: { decision: body.decision },
          outcome: status === 404 ? 'not-found' : 'invalid',
        });
        if (outcome.refused === 'not-found')
          throw new HttpError(404, 'No such entity, or not one you may see');
        throw new HttpError(422, 'Only entities of one type can be the same', [
          {
            field: 'body.b',
            message: `a is a ${outcome.types[0]} and b a ${outcome.types[1]}: pick two of one type`,
          },
        ]);
      }
      await audit({
        action: 'identity.decision',
        targets,
        about: targets,
        parameters: { decision: body.decision, reason: body.reason, changed: outcome.changed },
        outcome: 'ok',
      });
      return outcome;
    },
  );
  return router;
}
