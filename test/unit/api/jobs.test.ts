import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../server/api/jobs.ts';
import { HttpError } from '../../../server/api/problem.ts';
import { clearanceCovers, type Viewer } from '../../../server/auth/context.ts';

const ana: Viewer = { username: 'ana', role: 'analyst', clearance: ['H0', 'H1', 'H2'], agency: 'Europol' };
const ben: Viewer = { username: 'ben', role: 'analyst', clearance: ['H0', 'H1', 'H2'], agency: 'Europol' };
const boss: Viewer = {
  username: 'boss',
  role: 'admin',
  clearance: ['H0', 'H1', 'H2', 'H3'],
  agency: 'Europol',
};
const low: Viewer = { username: 'low', role: 'admin', clearance: ['H0'], agency: 'Europol' };

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the job registry', () => {
  it('runs a job after the request, keeps its progress and result, and shows it to its owner', async () => {
    const jobs = new JobRegistry();
    const job = jobs.start('analysis', ana, 3, async (report) => {
      report({ done: 1, step: 'communities' });
      return { answer: 42 };
    });
    expect(job.status).toBe('running');
    expect(job.progress).toEqual({ done: 0, total: 3 });
    await settle();
    expect(jobs.get('analysis', job.id, ana)).toMatchObject({
      status: 'done',
      progress: { done: 3, total: 3 },
    });
    expect(jobs.resultOf(job)).toEqual({ answer: 42 });
  });

  it('hides a job from other users and other kinds, and wholly from an admin cleared for less', async () => {
    const jobs = new JobRegistry();
    const job = jobs.start('analysis', ana, 1, async () => 'secret');
    await settle();
    expect(jobs.get('analysis', job.id, ben)).toBeUndefined();
    expect(jobs.get('import', job.id, ana)).toBeUndefined();
    expect(jobs.resultOf(jobs.get('analysis', job.id, boss) as never)).toBe('secret');
    expect(jobs.get('analysis', job.id, low)).toBeUndefined();
  });

  it('hides a job from its owner once the owner no longer holds a code or the agency it ran under', async () => {
    const jobs = new JobRegistry();
    const job = jobs.start('analysis', ana, 1, async () => 'secret');
    await settle();
    expect(jobs.get('analysis', job.id, { ...ana, clearance: ['H0', 'H1'] })).toBeUndefined();
    expect(jobs.get('analysis', job.id, { ...ana, agency: 'Frontex' })).toBeUndefined();
  });

  it('keeps the status of a failed job, and its client error as it was', async () => {
    const jobs = new JobRegistry();
    const job = jobs.start('import', ana, 1, async () => {
      throw new HttpError(400, 'bad scope: name a case you may see');
    });
    await settle();
    expect(job).toMatchObject({
      status: 'failed',
      error: { status: 400, title: 'bad scope: name a case you may see' },
    });
    expect(() => jobs.resultOf(job)).toThrow(/failed/);
  });

  it('refuses a third running job of one user with 429, and forgets the oldest finished jobs', async () => {
    const jobs = new JobRegistry({ runningPerUser: 2, kept: 2 });
    const forever = () => new Promise<never>(() => {});
    jobs.start('analysis', ana, 1, forever);
    jobs.start('analysis', ana, 1, forever);
    expect(() => jobs.start('analysis', ana, 1, forever)).toThrow(expect.objectContaining({ status: 429 }));
    const done: string[] = [];
    for (let i = 0; i < 3; i++) {
      done.push(jobs.start('import', ben, 1, async () => 'ok').id);
      await settle();
    }
    jobs.start('import', ben, 1, async () => 'ok');
    expect(jobs.get('import', done[0] as string, ben)).toBeUndefined();
    expect(jobs.get('import', done[2] as string, ben)).toBeDefined();
  });

  it('says a clearance covers another only with every code and its agency (or none)', () => {
    const covers = clearanceCovers;
    expect(covers({ handling: ['H0', 'H1'], agency: 'A' }, { handling: ['H0'], agency: 'A' })).toBe(true);
    expect(covers({ handling: ['H0'], agency: 'A' }, { handling: ['H0', 'H1'], agency: 'A' })).toBe(false);
    expect(covers({ handling: ['H0', 'H1'], agency: 'B' }, { handling: ['H0'], agency: 'A' })).toBe(false);
    expect(covers({ handling: ['H0', 'H1'], agency: 'B' }, { handling: ['H0'], agency: null })).toBe(true);
  });
});
