/**
 * How long Neo4j may work on a query: every transaction the store opens carries a timeout, so a query
 * whose caller has given up is ended in Neo4j too, not left to run for nobody. A request runs its
 * handler inside a budget (the route's deadline, or the larger bound of a long read); a query takes
 * what is left of it. Outside any request (the CLI, jobs) a query gets the long bound.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Queries of a request that reads for long (exports, reports, whole-case graphs, traces). */
export const LONG_READ_MS = 300_000;
/** Queries of a request that writes (its answer has no deadline, its queries still have a bound). */
export const WRITE_MS = 60_000;
/** Queries outside any request: ingests, analyses and exports from the CLI, and background jobs. */
export const UNBOUND_MS = 1_800_000;
/**
 * How long a query may outlive its request's budget: a query cut the instant its caller gives up
 * never finishes the planning that the next identical request would reuse, so on a busy machine a
 * cold route could fail again and again; two seconds more still ends a query nobody waits for.
 */
export const GRACE_MS = 2_000;

interface Budget {
  /** Epoch milliseconds at which the work is given up. */
  until: number;
}

const budgets = new AsyncLocalStorage<Budget>();

/** Runs `work` with `ms` milliseconds for every query it makes, counted from now. */
export function withQueryBudget<T>(ms: number, work: () => T): T {
  return budgets.run({ until: Date.now() + ms }, work);
}

/** Runs `work` outside the current request's budget (a job outlives the request that started it). */
export function outsideRequest<T>(work: () => T): T {
  return budgets.exit(work);
}

/**
 * The timeout for a transaction that starts now, in milliseconds: what is left of the budget and the
 * grace, at least 1 ms (0 would mean none at all, and a spent budget must fail the query, not free it).
 */
export function queryTimeout(now = Date.now()): number {
  const budget = budgets.getStore();
  if (budget === undefined) return UNBOUND_MS;
  return Math.max(1, Math.floor(budget.until + GRACE_MS - now));
}

/** The transaction configuration every query of the store carries. */
export function transactionConfig(): { timeout: number } {
  return { timeout: queryTimeout() };
}
