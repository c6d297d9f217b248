/**
 * Idempotency keys on writes: a POST, PUT, PATCH or DELETE with an `Idempotency-Key` header has its
 * first response kept (per user and key, for a day) and replayed to a retry, which therefore never
 * writes twice. The same key with a different request is a 422; a retry while the first request
 * still runs is a 409. Mounted once for all of /api, so every router has it.
 */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { canonicalJson } from '../../schema/audit-chain.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../../store/idempotency.ts';
import type { Store } from '../../store/store.ts';
import { HttpError } from '../problem.ts';
import { withDeadline } from './deadline.ts';
import { stateOf } from './request-state.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,200}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The middleware; requests without a key or without a session pass untouched. */
export function idempotency(store: Store): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    const state = stateOf(res);
    if (!WRITES.has(req.method) || key === undefined || !state.viewer) return next();
    if (!KEY.test(key)) {
      throw new HttpError(400, 'Invalid request', [
        { field: 'header.Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    const id = sha256(`${state.viewer.username}\u0000${key}`);
    const fingerprint = sha256(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`);
    const username = state.viewer.username;
    const claim = await withDeadline(() => claimIdempotencyKey(store, { id, username, fingerprint }));
    if (claim.kind !== 'claimed' && claim.fingerprint !== fingerprint) {
      throw new HttpError(422, 'This Idempotency-Key was already used for a different request');
    }
    if (claim.kind === 'pending') {
      throw new HttpError(409, 'A request with this Idempotency-Key is still running', undefined, 1);
    }
    if (claim.kind === 'done') {
      await state.audit({
        action: 'replay',
        targets: [],
        parameters: { method: req.method, path: req.path },
        outcome: 'ok',
      });
      res
        .status(claim.response.status)
        .type(claim.response.contentType)
        .setHeader('Idempotent-Replayed', 'true');
      res.send(claim.response.body);
      return;
    }
    keepResponse(store, res, id);
    next();
  };
}

/** Stores the JSON response before it is sent; releases the claim when the request fails. */
function keepResponse(store: Store, res: Response, id: string): void {
  const json = res.json.bind(res);
  let settled = false;
  res.json = ((body: unknown) => {
    settled = true;
    const status = res.statusCode;
    const stored =
      status >= 500
        ? releaseIdempotencyKey(store, id)
        : completeIdempotencyKey(
            store,
            id,
            {
              status,
              contentType: String(res.get('content-type') ?? 'application/json'),
              body: JSON.stringify(body),
            },
            IDEMPOTENCY_TTL_MS,
          );
    stored.then(
      () => json(body),
      () => json(body),
    );
    return res;
  }) as Response['json'];
  res.on('close', () => {
    if (settled) return;
    const done =
      res.statusCode === 204
        ? completeIdempotencyKey(
            store,
            id,
            { status: 204, contentType: 'text/plain', body: '' },
            IDEMPOTENCY_TTL_MS,
          )
        : releaseIdempotencyKey(store, id);
    done.catch(() => {});
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
