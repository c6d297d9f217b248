import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../server/auth/context.ts';
import { ADMIN, ANALYSE, EXPORT, isAllowed, READ, WRITE } from '../../../server/auth/roles.ts';
import { ROLE_VALUES } from '../../../server/schema/api/users.ts';

describe('roles', () => {
  it('are the same in the API schema as in the auth contract', () => {
    expect([...ROLE_VALUES]).toEqual([...ROLES]);
  });

  it('let viewers read only, analysts read, write, analyse and export, admins everything', () => {
    const can = (role: (typeof ROLES)[number]) =>
      [READ, WRITE, ANALYSE, EXPORT, ADMIN].map((allowed) => isAllowed(role, allowed));
    expect(can('viewer')).toEqual([true, false, false, false, false]);
    expect(can('analyst')).toEqual([true, true, true, true, false]);
    expect(can('admin')).toEqual([true, true, true, true, true]);
  });
});
