/** A bound on how long a request waits for Neo4j, so an outage answers 503 quickly, never hangs. */
import { StoreUnavailableError } from '../../store/store.ts';

/** Under the HTTP client's patience, and 2 s short of the 5 s promised for an outage's 503, for a busy machine. */
export const STORE_DEADLINE_MS = 3_000;

/** Resolves as the promise does, or rejects with StoreUnavailableError once the deadline passes. */
export async function withDeadline<T>(promise: Promise<T>, ms = STORE_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new StoreUnavailableError(`Neo4j did not answer within ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
