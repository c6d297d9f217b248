/**
 * `/api/users`: admins list, create and change users (role, clearance, agency, password, disabled),
 * within their own clearance (server/auth/grants.ts): a grant beyond it is a 403 naming the field.
 */
import { Router } from 'express';
import type { Audit } from '../../audit/audit-trail.ts';
import type { Role, Viewer } from '../../auth/context.ts';
import { type GrantIssue, grantsBeyond, holdsNoMore } from '../../auth/grants.ts';
import { ADMIN } from '../../auth/roles.ts';
import { changeUser, createUser, listUsers } from '../../auth/users.ts';
import {
  NewUserSchema,
  UserChangesSchema,
  UserListSchema,
  UserSchema,
  UsernameParamsSchema,
} from '../../schema/api/users.ts';
import type { Store } from '../../store/store.ts';
import { findUser, UserExistsError } from '../../store/users.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** The users router. */
export function usersRouter({ store, passwordCost }: { store: Store; passwordCost?: number }): Router {
  const router = Router();

  route(
    router,
    {
      method: 'get',
      path: '/api/users',
      summary: 'Every user, without password hashes',
      tags: ['users'],
      roles: ADMIN,
      audit: 'users.list',
      responses: { 200: { description: 'The users', schema: UserListSchema } },
    },
    async () => ({ users: await listUsers(store) }),
  );

  route(
    router,
    {
      method: 'post',
      path: '/api/users',
      summary: 'Create a user',
      tags: ['users'],
      roles: ADMIN,
      body: NewUserSchema,
      responses: {
        201: { description: 'Created', schema: UserSchema },
        403: { description: 'The user would hold more than your own clearance' },
        409: { description: 'The username is taken' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const { password: _password, ...described } = body;
      await refuseBeyond(audit, 'users.create', body.username, described, grantsBeyond(viewer, body));
      try {
        const user = await createUser(store, body, passwordCost);
        await audit({
          action: 'users.create',
          targets: [body.username],
          parameters: described,
          outcome: 'ok',
        });
        res.status(201);
        return user;
      } catch (error) {
        if (!(error instanceof UserExistsError)) throw error;
        await audit({
          action: 'users.create',
          targets: [body.username],
          parameters: described,
          outcome: 'invalid',
        });
        throw new HttpError(409, error.message);
      }
    },
  );

  route(
    router,
    {
      method: 'patch',
      path: '/api/users/{username}',
      summary: 'Change a user; a new password, role or clearance, or disabling, ends their sessions',
      tags: ['users'],
      roles: ADMIN,
      params: UsernameParamsSchema,
      body: UserChangesSchema,
      responses: {
        200: { description: 'Changed', schema: UserSchema },
        403: { description: 'The user, or the change, goes beyond your own clearance' },
        404: { description: 'No such user' },
      },
    },
    async ({ params, body, viewer, audit }) => {
      const { password, ...described } = body;
      const parameters = { ...described, ...(password ? { passwordChanged: true } : {}) };
      await refuseBeyond(audit, 'users.update', params.username, parameters, [
        ...(await beyondTarget(store, viewer, params.username)),
        ...grantsBeyond(viewer, body),
      ]);
      const user = await changeUser(store, params.username, body, passwordCost);
      await audit({
        action: 'users.update',
        targets: [params.username],
        parameters,
        outcome: user ? 'ok' : 'not-found',
      });
      if (!user) throw new HttpError(404, `No user named ${JSON.stringify(params.username)}`);
      return user;
    },
  );

  return router;
}

/** The issue with changing a user who holds more than the admin does, if they do. */
async function beyondTarget(store: Store, admin: Viewer, username: string): Promise<GrantIssue[]> {
  const target = await findUser(store, username);
  if (!target || holdsNoMore(admin, { ...target, role: target.role as Role })) return [];
  return [
    {
      field: 'params.username',
      message: `${username} holds a role, handling code or agency you do not, so you may not change them`,
    },
  ];
}

/** Records and refuses a request that grants beyond the admin's own clearance. */
async function refuseBeyond(
  audit: Audit,
  action: string,
  username: string,
  parameters: Record<string, unknown>,
  issues: GrantIssue[],
): Promise<void> {
  if (issues.length === 0) return;
  await audit({ action, targets: [username], parameters, outcome: 'denied' });
  throw new HttpError(403, 'Admins may grant only what they hold themselves', issues);
}
