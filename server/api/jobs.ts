/**
 * Jobs that outlive their request (analysis runs, imports): kept in memory with their owner and the
 * clearance they run under, so a job is read only by the user who started it (or an admin), and only
 * by one who sees at least what it saw; to anyone else it does not exist. A user has at most a few jobs running at
 * once; finished jobs are kept until newer ones push them out.
 */
import { outsideRequest } from '../store/query-budget.ts';
import { randomUUID } from 'node:crypto';
import type { Clearance, Viewer } from '../auth/context.ts';
import { clearanceCovers, clearanceOf } from '../auth/context.ts';
import { type FieldError, HttpError } from './problem.ts';
import { readsChanged } from './coalesce.ts';

export type JobStatus = 'running' | 'done' | 'failed';

/** How far a job has got: steps done out of the total, and the step under way. */
export interface JobProgress {
  done: number;
  total: number;
  step?: string | undefined;
}

/** A job and, once it has one, its outcome. */
export interface Job<R = unknown> {
  id: string;
  kind: string;
  owner: string;
  clearance: Clearance;
  status: JobStatus;
  createdAt: string;
  finishedAt?: string | undefined;
  progress: JobProgress;
  result?: R | undefined;
  error?: { status: number; title: string; errors?: FieldError[] | undefined } | undefined;
}

/** Limits of a registry. */
export interface JobLimits {
  /** Jobs one user may have running at once (default 2). */
  runningPerUser: number;
  /** Finished jobs kept for reading (default 200). */
  kept: number;
}

/** Reports progress from inside a job. */
export type Report = (progress: Partial<JobProgress>) => void;

/** The in-memory job registry of one server. */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private readonly limits: JobLimits;

  constructor(limits: Partial<JobLimits> = {}) {
    this.limits = { runningPerUser: 2, kept: 200, ...limits };
  }

  /** How many jobs of the user are running. */
  runningOf(username: string): number {
    let count = 0;
    for (const job of this.jobs.values()) if (job.owner === username && job.status === 'running') count++;
    return count;
  }

  /** Starts `work` after the current request has been answered; throws 429 past the user's limit. */
  start<R>(kind: string, viewer: Viewer, total: number, work: (report: Report) => Promise<R>): Job<R> {
    const running = [...this.jobs.values()].filter(
      (j) => j.owner === viewer.username && j.status === 'running',
    );
    if (running.length >= this.limits.runningPerUser)
      throw new HttpError(
        429,
        `You already have ${running.length} jobs running: wait for one to finish (GET its status)`,
        undefined,
        5,
      );
    const job: Job<R> = {
      id: randomUUID(),
      kind,
      owner: viewer.username,
      clearance: clearanceOf(viewer),
      status: 'running',
      createdAt: new Date().toISOString(),
      progress: { done: 0, total },
    };
    this.jobs.set(job.id, job as Job);
    this.prune();
    const report: Report = (p) => Object.assign(job.progress, p);
    // setImmediate lets the 202 leave before a job that computes synchronously takes the thread.
    // Outside the request's query budget: the job's queries outlive the 202.
    setImmediate(() =>
      outsideRequest(() =>
        work(report).then(
          (result) => this.finish(job, { status: 'done', result }),
          (error: unknown) => this.finish(job, { status: 'failed', error: describe(error) }),
        ),
      ),
    );
    return job;
  }

  /**
   * A job of this kind the viewer may read, or undefined: a 404 either way. Its owner or an admin may,
   * and only while their clearance of the moment covers the one the job ran under (admins act within
   * their own clearance), since its status and result show what it saw.
   */
  get<R>(kind: string, id: string, viewer: Viewer): Job<R> | undefined {
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) return undefined;
    if (job.owner !== viewer.username && viewer.role !== 'admin') return undefined;
    if (!clearanceCovers(clearanceOf(viewer), job.clearance)) return undefined;
    return job as Job<R>;
  }

  /** The result of a job read through `get`; throws 409 while it runs or when it failed. */
  resultOf<R>(job: Job<R>): R {
    if (job.status === 'running')
      throw new HttpError(
        409,
        `The job is still running (${job.progress.done}/${job.progress.total}): poll its status`,
      );
    if (job.status === 'failed')
      throw new HttpError(409, `The job failed: ${job.error?.title ?? 'unknown error'}`);
    return job.result as R;
  }

  private finish(job: Job, outcome: Pick<Job, 'status' | 'result' | 'error'>): void {
    // An import or an analysis has written: a reader who saw the job end must see what it wrote.
    readsChanged();
    Object.assign(job, outcome, { finishedAt: new Date().toISOString() });
    if (outcome.status === 'done') job.progress.done = job.progress.total;
    job.progress.step = undefined;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - this.limits.kept)))
      this.jobs.delete(job.id);
  }
}

function describe(error: unknown): NonNullable<Job['error']> {
  if (error instanceof HttpError) return { status: error.status, title: error.message, errors: error.errors };
  process.stderr.write(
    `ariadne: job failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return { status: 500, title: 'The job failed; the server log has the details' };
}

/** The status document of a job (what `GET .../{id}` answers), with the fields a kind adds. */
export function jobStatus(job: Job, extra: Record<string, unknown> = {}) {
  return {
    id: job.id,
    status: job.status,
    owner: job.owner,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
    progress: { done: job.progress.done, total: job.progress.total, step: job.progress.step ?? null },
    error: job.error ?? null,
    ...extra,
  };
}
