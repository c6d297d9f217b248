/**
 * Identical reads at the same moment are asked of Neo4j once. A read that finds the same read (the
 * same route, clearance and arguments) under way waits for that answer instead of asking again, as a
 * cache in front of a web server collapses identical requests. Nothing is kept once the answer is in,
 * so no answer is older than the read it joined; and once a write made through this process has been
 * committed (`readsChanged`), no read joins one begun before it, so a client reads its own writes.
 * Every request is still checked, audited and answered on its own; joiners share the answer object,
 * which must therefore be treated as read-only.
 */

const flights = new WeakMap<object, Map<string, Promise<unknown>>>();
let generation = 0;
/** Shared answers, with their JSON once a response has needed it. */
const sharedJson = new WeakMap<object, string | null>();

/** A write has been committed: reads begun before now are not joined any more. */
export function readsChanged(): void {
  generation += 1;
}

/** How many writes this process has committed (a count that only grows), for caches of the data. */
export function writesCommitted(): number {
  return generation;
}

/** The answer of `read`, shared with every identical read (same `key`) under way on `store`. */
export function coalesced<T>(store: object, key: unknown[], read: () => Promise<T>): Promise<T> {
  let inFlight = flights.get(store);
  if (!inFlight) {
    inFlight = new Map();
    flights.set(store, inFlight);
  }
  const id = JSON.stringify([generation, ...key]);
  const known = inFlight.get(id);
  if (known) return known as Promise<T>;
  const map = inFlight;
  const answer = read()
    .then((value) => {
      if (typeof value === 'object' && value !== null) sharedJson.set(value, null);
      return value;
    })
    .finally(() => map.delete(id));
  map.set(id, answer);
  return answer;
}

/**
 * The JSON of a shared answer, serialised once for all the requests that share it (it is read-only);
 * undefined for anything else, which the response serialises itself.
 */
export function sharedJsonOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !sharedJson.has(value)) return undefined;
  let json = sharedJson.get(value);
  if (json === null || json === undefined) {
    json = JSON.stringify(value);
    sharedJson.set(value, json);
  }
  return json;
}
