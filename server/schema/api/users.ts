/** API payloads for users: who they are, their role, clearance and agency; never their password hash. */
import { z } from 'zod';
import { ROLES } from '../clearance.ts';
import { HANDLING_CODES } from '../model.ts';

export const UsernameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'must be 2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const RoleSchema = z.enum(ROLES);

export const ClearanceSchema = z
  .array(z.enum(HANDLING_CODES))
  .min(1, 'must name at least one handling code (H0, H1, H2, H3)')
  .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a handling code');

export const AgencySchema = z.string().min(1).max(200);

const MAX_PASSWORD_BYTES = 72;

/** bcrypt reads at most 72 bytes, so a longer password would be silently cut: refuse it instead. */
export const PasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters long')
  .refine(
    (p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES,
    `must be at most ${MAX_PASSWORD_BYTES} bytes long`,
  );

export const UserSchema = z
  .object({
    username: z.string(),
    role: RoleSchema,
    clearance: z.array(z.enum(HANDLING_CODES)),
    agency: z.string().nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable().meta({ description: 'While locked after failed logins' }),
    createdAt: z.string(),
  })
  .meta({ id: 'User', description: 'A user of Ariadne' });
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ users: z.array(UserSchema) }).meta({ id: 'UserList' });

export const NewUserSchema = z
  .strictObject({
    username: UsernameSchema,
    role: RoleSchema,
    clearance: ClearanceSchema,
    agency: AgencySchema.nullable().optional(),
    password: PasswordSchema,
  })
  .meta({ id: 'NewUser', description: 'A user to create' });
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserChangesSchema = z
  .strictObject({
    role: RoleSchema.optional(),
    clearance: ClearanceSchema.optional(),
    agency: AgencySchema.nullable().optional(),
    disabled: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .meta({ id: 'UserChanges', description: 'Changes to a user; absent fields stay as they are' });
export type UserChanges = z.infer<typeof UserChangesSchema>;

export const UsernameParamsSchema = z.strictObject({ username: UsernameSchema });
