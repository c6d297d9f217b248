/** API payloads for signing in and out. */
import { z } from 'zod';
import { HANDLING_CODES } from '../model.ts';
import { RoleSchema } from './users.ts';

export const LoginSchema = z
  .strictObject({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(1_000),
  })
  .meta({ id: 'Login', description: 'Credentials' });
export type Login = z.infer<typeof LoginSchema>;

export const ViewerSchema = z
  .object({
    username: z.string(),
    role: RoleSchema,
    clearance: z.array(z.enum(HANDLING_CODES)),
    agency: z.string().nullable(),
  })
  .meta({ id: 'Viewer', description: 'The signed-in user, with the clearance that filters what they see' });

export const SessionSchema = z
  .object({
    token: z.string().meta({ description: 'Bearer token for scripts; browsers use the session cookie' }),
    expiresAt: z.string(),
    user: ViewerSchema,
  })
  .meta({ id: 'Session', description: 'A new session' });
export type Session = z.infer<typeof SessionSchema>;
