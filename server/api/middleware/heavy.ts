/**
 * A per-user cap on concurrent heavy requests: the ones that read a whole case or enumerate much of
 * it (whole-case graphs, paths, money traces, searches without words, analyses, exports, reports).
 * One viewer sending many of them at once would take both cores and Neo4j from everyone else; past
 * the cap they are answered 429 with Retry-After at once, before any work, and a slot is given back
 * when its answer has left (or its client went away). The user's running jobs (analysis runs,
 * imports) count against the same cap: a run answered 202 goes on working after its answer.
 */
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../problem.ts';
import { stateOf } from './request-state.ts';

/** Heavy requests one user may have running at a time, by default. */
export const DEFAULT_HEAVY_PER_USER = 2;

interface HeavyRoute {
  method: string;
  /** The path under /api. */
  path: RegExp;
  /** When only some requests of the route are heavy. */
  when?: (req: Request) => boolean;
}

const withoutWords = (req: Request) => typeof req.query.q !== 'string' || req.query.q.trim() === '';

/** The heavy routes, by method and path under /api. */
export const HEAVY_ROUTES: readonly HeavyRoute[] = [
  { method: 'GET', path: /^\/web\/graph\/?$/ },
  { method: 'GET', path: /^\/paths\/?$/ },
  { method: 'GET', path: /^\/analyses\/trace\/?$/ },
  { method: 'GET', path: /^\/web\/analyses\/[^/]+\/?$/ },
  { method: 'POST', path: /^\/analyses\/runs\/?$/ },
  { method: 'GET', path: /^\/export\/?$/ },
  { method: 'GET', path: /^\/reports\/?$/ },
  { method: 'POST', path: /^\/reports\/?$/ },
  { method: 'GET', path: /^\/entities\/?$/, when: withoutWords },
];

/** Whether a request (seen from under /api) is a heavy one. */
export function isHeavy(req: Request): boolean {
  return HEAVY_ROUTES.some(
    (route) => route.method === req.method && route.path.test(req.path) && (route.when?.(req) ?? true),
  );
}

/** Counts of running heavy requests per key. */
export class Slots {
  private readonly running = new Map<string, number>();
  constructor(readonly perKey: number) {}

  /**
   * Takes a slot for the key, with `busy` more slots held elsewhere (its running jobs); returns a
   * function that gives it back (once), or null at the cap.
   */
  take(key: string, busy = 0): (() => void) | null {
    const count = this.running.get(key) ?? 0;
    if (count + busy >= this.perKey) return null;
    this.running.set(key, count + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left <= 0) this.running.delete(key);
      else this.running.set(key, left);
    };
  }
}

/**
 * The middleware: mount under /api after the session is known; `jobsOf` counts a user's running
 * jobs.
 */
export function heavyRequests(
  perUser: number,
  jobsOf: (username: string) => number = () => 0,
): RequestHandler {
  const slots = new Slots(perUser);
  return (req, res, next) => {
    if (!isHeavy(req)) return next();
    const viewer = stateOf(res).viewer;
    if (viewer === null) return next();
    const release = slots.take(viewer.username, jobsOf(viewer.username));
    if (release === null) {
      throw new HttpError(
        429,
        `You already have ${perUser} heavy requests or jobs (whole-case graphs, paths, traces, searches without words, analysis runs, imports, exports, reports) running at a time: wait for one to finish`,
        undefined,
        2,
      );
    }
    res.once('close', release);
    res.once('finish', release);
    next();
  };
}
