import { describe, expect, it } from 'vitest';
import type { ROLES } from '../../../server/auth/context.ts';
import {
  ADMIN,
  ANALYSE,
  ANY,
  AUDIT,
  AUDITOR,
  EXPORT,
  isAllowed,
  READ,
  WRITE,
} from '../../../server/auth/roles.ts';

describe('roles', () => {
  it('let viewers read only, analysts read, write, analyse and export, admins all that and users and their part of the audit', () => {
    const can = (role: (typeof ROLES)[number]) =>
      [READ, WRITE, ANALYSE, EXPORT, ADMIN, AUDIT, AUDITOR, ANY].map((allowed) => isAllowed(role, allowed));
    expect(can('viewer')).toEqual([true, false, false, false, false, false, false, true]);
    expect(can('analyst')).toEqual([true, true, true, true, false, false, false, true]);
    expect(can('admin')).toEqual([true, true, true, true, true, true, false, true]);
  });

  it('let the auditor read and verify the whole audit trail, and change nothing', () => {
    const can = [READ, WRITE, ANALYSE, EXPORT, ADMIN, AUDIT, AUDITOR, ANY].map((allowed) =>
      isAllowed('auditor', allowed),
    );
    expect(can).toEqual([false, false, false, false, false, true, true, true]);
  });
});
