/** `/api/users`: admins list, create and change users (role, clearance, agency, password, disabled). */
import { Router } from 'express';
import { ADMIN } from '../auth/roles.ts';
import { changeUser, createUser, listUsers } from '../auth/users.ts';
import {
  NewUserSchema,
  UserChangesSchema,
  UserListSchema,
  UserSchema,
  UsernameParamsSchema,
} from '../schema/api/users.ts';
import type { Store } from '../store/store.ts';
import { UserExistsError } from '../store/users.ts';
import { route } from './middleware/validated.ts';
import { HttpError } from './problem.ts';

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
        409: { description: 'The username is taken' },
      },
    },
    async ({ body, audit, res }) => {
      const { password: _password, ...described } = body;
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
        404: { description: 'No such user' },
      },
    },
    async ({ params, body, audit }) => {
      const { password, ...described } = body;
      const user = await changeUser(store, params.username, body, passwordCost);
      await audit({
        action: 'users.update',
        targets: [params.username],
        parameters: { ...described, ...(password ? { passwordChanged: true } : {}) },
        outcome: user ? 'ok' : 'not-found',
      });
      if (!user) throw new HttpError(404, `No user named ${JSON.stringify(params.username)}`);
      return user;
    },
  );

  return router;
}
