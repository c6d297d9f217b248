/**
 * `/api/auth`: sign in (a session cookie for browsers, a bearer token for scripts), sign out, and who
 * am I. Every sign-in attempt is audited, successful or not; attempts are limited per address, and
 * per user by the lockout in server/auth/login.ts.
 */
import { Router } from 'express';
import type { AuditTrail } from '../../audit/audit-trail.ts';
import { attemptLogin } from '../../auth/login.ts';
import { ANY } from '../../auth/roles.ts';
import { endSession } from '../../auth/sessions.ts';
import { LoginSchema, SessionSchema, ViewerSchema } from '../../schema/api/auth.ts';
import type { Store } from '../../store/store.ts';
import { appendOrFail, SESSION_COOKIE } from '../middleware/authenticate.ts';
import { type BucketOptions, TokenBuckets } from '../middleware/rate-limit.ts';
import { stateOf } from '../middleware/request-state.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

export interface AuthDeps {
  store: Store;
  trail: AuditTrail;
  /** Sign-in attempts per address: a burst, then a steady rate. */
  loginLimit?: BucketOptions;
  /** bcrypt cost of the check spent on unknown users (tests lower it). */
  passwordCost?: number;
}

const LOGIN_LIMIT: BucketOptions = { capacity: 10, perSecond: 10 / 60 };

/** The sign-in router. */
export function authRouter({ store, trail, loginLimit = LOGIN_LIMIT, passwordCost }: AuthDeps): Router {
  const router = Router();
  const perAddress = new TokenBuckets(loginLimit);

  route(
    router,
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in: sets the session cookie and returns a bearer token',
      tags: ['auth'],
      roles: 'public',
      body: LoginSchema,
      audit: false,
      responses: {
        200: { description: 'Signed in', schema: SessionSchema },
        401: { description: 'Wrong username or password' },
        429: { description: 'Too many attempts (Retry-After says when to try again)' },
      },
    },
    async ({ body, req, res }) => {
      const actor = { username: body.username, role: null, ip: req.ip ?? null };
      const purpose = stateOf(res).purpose;
      const record = (outcome: 'ok' | 'denied', reason?: string) =>
        appendOrFail(trail, actor, {
          action: 'auth.login',
          targets: [body.username],
          ...(reason ? { parameters: { reason } } : {}),
          purpose,
          outcome,
        });
      const wait = perAddress.take(req.ip ?? 'unknown');
      if (wait > 0) {
        await record('denied', 'too many attempts from this address');
        throw new HttpError(429, 'Too many sign-in attempts; try again later', undefined, wait);
      }
      const result = await attemptLogin(store, body.username, body.password, undefined, passwordCost);
      if (result.kind === 'locked') {
        await record('denied', 'account locked');
        throw new HttpError(
          429,
          'This account is locked after repeated failed sign-ins; try again later',
          undefined,
          result.retryAfterSeconds,
        );
      }
      if (result.kind === 'invalid') {
        await record('denied', result.reason);
        throw new HttpError(401, 'Wrong username or password');
      }
      await appendOrFail(
        trail,
        { ...actor, role: result.viewer.role },
        { action: 'auth.login', targets: [body.username], purpose, outcome: 'ok' },
      );
      res.cookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/',
        expires: result.expiresAt,
      });
      res.setHeader('Cache-Control', 'no-store');
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.viewer };
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out: the session is revoked at once',
      tags: ['auth'],
      roles: ANY,
      audit: 'auth.logout',
      responses: { 204: { description: 'Signed out' } },
    },
    async ({ viewer, audit, res }) => {
      const { sessionId } = stateOf(res);
      if (sessionId) await endSession(store, sessionId);
      await audit({ action: 'auth.logout', targets: [viewer.username], outcome: 'ok' });
      res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/auth/me',
      summary: 'The signed-in user, with role and clearance',
      tags: ['auth'],
      roles: ANY,
      audit: false,
      responses: { 200: { description: 'The user', schema: ViewerSchema } },
    },
    ({ viewer }) => viewer,
  );

  return router;
}
