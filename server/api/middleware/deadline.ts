/**
 * A bound on how long a request waits for Neo4j, so an outage answers 503 quickly, never hangs; the
 * same bound is the timeout of every transaction the work opens, so Neo4j stops a query the moment
 * its request is answered 503 rather than running on for nobody.
 */
import { withQueryBudget } from '../../store/query-budget.ts';
import { StoreUnavailableError } from '../../store/store.ts';

/** Under the HTTP client's patience, and 2 s short of the 5 s promised for an outage's 503, for a busy machine. */
export const STORE_DEADLINE_MS = 3_000;

/**
 * Runs `work` with `ms` for its queries; resolves as it does, or rejects with StoreUnavailableError
 * once the deadline passes (by then Neo4j has been told to end each of its transactions).
 */
export async function withDeadline<T>(work: () => Promise<T> | T, ms = STORE_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new StoreUnavailableError(`Neo4j did not answer within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([withQueryBudget(ms, () => Promise.resolve().then(work)), late]);
  } finally {
    clearTimeout(timer);
  }
}
