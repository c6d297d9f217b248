import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../server/api/jobs.ts';
import { Slots } from '../../../server/api/middleware/heavy.ts';
import type { Viewer } from '../../../server/auth/context.ts';

const ana: Viewer = { username: 'ana', role: 'analyst', clearance: ['H0'], agency: 'Europol' };

describe('the per-user cap on heavy work', () => {
  it('counts a user running jobs against their heavy requests, and no one else', async () => {
    const jobs = new JobRegistry();
    const slots = new Slots(2);
    let finish = () => {};
    jobs.start('analysis', ana, 1, () => new Promise<void>((resolve) => (finish = resolve)));
    expect(jobs.runningOf('ana')).toBe(1);
    const first = slots.take('ana', jobs.runningOf('ana'));
    expect(first).not.toBeNull();
    expect(slots.take('ana', jobs.runningOf('ana'))).toBeNull();
    expect(slots.take('ben', jobs.runningOf('ben'))).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    finish();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(jobs.runningOf('ana')).toBe(0);
    expect(slots.take('ana', jobs.runningOf('ana'))).not.toBeNull();
    first?.();
  });
});
