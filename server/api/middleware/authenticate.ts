/**
 * Who is asking: the session comes from `Authorization: Bearer <token>` or the session cookie.
 * `identify` resolves it (and binds the audit function to the request), `requireSession` closes
 * everything under /api but the public routes, and `requireRole` admits the roles a route names.
 */
import type { Request, RequestHandler } from 'express';
import type { AuditActor, AuditInput, AuditTrail } from '../../audit/audit-trail.ts';
import type { Role, Viewer } from '../../auth/context.ts';
import { isAllowed } from '../../auth/roles.ts';
import { resolveSession } from '../../auth/sessions.ts';
import type { Store } from '../../store/store.ts';
import { isDocumentedPath } from '../openapi.ts';
import { HttpError } from '../problem.ts';
import { withDeadline } from './deadline.ts';
import { type RequestState, setState, stateOf } from './request-state.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ariadne_session';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MAX_PURPOSE = 500;

/** The token a request carries, if it has the shape of one. */
export function tokenOf(req: Request): string | null {
  const header = req.get('authorization');
  const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  const token = bearer ?? cookieValue(req.get('cookie') ?? '', SESSION_COOKIE);
  return token && TOKEN.test(token) ? token : null;
}

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function purposeOf(req: Request): string | undefined {
  const query = (req.query as Record<string, unknown>).purpose;
  const purpose = req.get('x-purpose') ?? query;
  if (purpose === undefined || purpose === '') return undefined;
  if (typeof purpose !== 'string' || purpose.length > MAX_PURPOSE) {
    throw new HttpError(400, 'Invalid request', [
      { field: 'purpose', message: `must be one text of at most ${MAX_PURPOSE} characters` },
    ]);
  }
  return purpose;
}

/**
 * Resolves the session, if any, and binds the audit trail to the request. A session verified less
 * than `sessionCacheMs` ago is not looked up again (see server/auth/session-cache.ts).
 */
export function identify(store: Store, trail: AuditTrail, sessionCacheMs = 0): RequestHandler {
  return async (req, res, next) => {
    const token = tokenOf(req);
    const session = token ? await withDeadline(() => resolveSession(store, token, sessionCacheMs)) : null;
    const viewer: Viewer | null = session?.viewer ?? null;
    const purpose = purposeOf(req);
    const actor: AuditActor = {
      username: viewer?.username ?? 'anonymous',
      role: viewer?.role ?? null,
      ip: req.ip ?? null,
    };
    const state: RequestState = {
      viewer,
      sessionId: session?.sessionId ?? null,
      purpose,
      audited: 0,
      audit: async (input: AuditInput) => {
        await appendOrFail(trail, actor, { ...input, purpose: input.purpose ?? purpose });
        state.audited += 1;
      },
    };
    setState(res, state);
    next();
  };
}

/** Appends an event, or fails the request with 503: no answer leaves without its record. */
export async function appendOrFail(trail: AuditTrail, actor: AuditActor, input: AuditInput): Promise<void> {
  try {
    await withDeadline(() => trail.append(actor, input));
  } catch {
    throw new HttpError(
      503,
      'The audit trail cannot be written, so the request was not answered',
      undefined,
      5,
    );
  }
}

/** Routes under /api that need no session. */
const PUBLIC = [
  { method: 'POST', path: /^\/auth\/login$/ },
  { method: 'GET', path: /^\/openapi\.json$/ },
  { method: 'GET', path: /^\/docs(\/[\w.-]*)?$/ },
];

/**
 * Closes /api to requests without a session, but for the public routes (mount under /api). Paths
 * that match no documented route fall through to the 404; routes declared with `route()` are
 * always documented, and check the session again themselves.
 */
export function requireSession(): RequestHandler {
  return (req, res, next) => {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (PUBLIC.some((p) => p.method === method && p.path.test(req.path))) return next();
    if (!stateOf(res).viewer && isDocumentedPath(`${req.baseUrl}${req.path}`)) {
      throw new HttpError(401, 'Sign in first: no valid session or bearer token');
    }
    next();
  };
}

/**
 * Admits the roles named; 401 without a session, 403 (recorded as denied, about the records the
 * request names) for another role.
 */
export function requireRole(
  roles: readonly Role[],
  about: (req: Request) => string[] = () => [],
): RequestHandler {
  return async (req, res, next) => {
    const state = stateOf(res);
    if (!state.viewer) throw new HttpError(401, 'Sign in first: no valid session or bearer token');
    if (!isAllowed(state.viewer.role, roles)) {
      await state.audit({
        action: `${req.method} ${req.baseUrl}${req.path}`,
        targets: [],
        about: about(req),
        outcome: 'denied',
      });
      throw new HttpError(
        403,
        `The ${state.viewer.role} role may not do this; it needs ${roles.join(' or ')}`,
      );
    }
    next();
  };
}
