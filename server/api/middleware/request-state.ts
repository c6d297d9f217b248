/**
 * What the frame learns about a request before a handler runs: who asks (the viewer, or nobody),
 * the session it came through, the stated purpose, and the audit function bound to all of it.
 * Kept under `res.locals` (also as `res.locals.viewer` and `res.locals.audit`).
 */
import type { Response } from 'express';
import type { Audit } from '../../audit/audit-trail.ts';
import type { Viewer } from '../../auth/context.ts';

export interface RequestState {
  viewer: Viewer | null;
  /** The hashed session token, or null without a session. */
  sessionId: string | null;
  /** The purpose the caller stated (`X-Purpose` header or `purpose` query parameter). */
  purpose: string | undefined;
  audit: Audit;
  /** How many audit events this request has written so far. */
  audited: number;
}

const KEY = 'ariadne';

/** The state of a request; throws when the frame's middleware did not run (a wiring mistake). */
export function stateOf(res: Response): RequestState {
  const state = res.locals[KEY] as RequestState | undefined;
  if (!state) throw new Error('Request state is missing: mount the identify middleware before the routers');
  return state;
}

/** Stores the state of a request. */
export function setState(res: Response, state: RequestState): void {
  res.locals[KEY] = state;
  res.locals.viewer = state.viewer;
  res.locals.audit = state.audit;
}
