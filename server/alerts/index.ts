/**
 * After a write commits (an import, an analyst's edit, an analysis run, a border check): match what
 * it changed against the watches, raise the alerts, and deliver them to the watches' webhooks. The
 * writes call these functions; a failure here never undoes the write it follows.
 */
import { type CheckedItem, alertOnCheck } from '../store/alert-checks.ts';
import { type ChangedRecords, matchChanges } from '../store/alert-match.ts';
import type { AlertTrigger, RaisedAlert } from '../store/alerts-write.ts';
import { outsideRequest } from '../store/query-budget.ts';
import type { Store } from '../store/store.ts';
import type { WatchedIdentifiers } from '../store/watched-identifiers.ts';
import { deliverAlerts } from './webhook.ts';

export type { ChangedRecords } from '../store/alert-match.ts';

/** Matches a committed change and raises (and delivers) its new alerts. */
export async function alertOnChange(
  store: Store,
  changed: ChangedRecords,
  trigger: AlertTrigger,
): Promise<RaisedAlert[]> {
  const raised = await matchChanges(store, changed, trigger);
  if (raised.length > 0) void deliverAlerts(store, raised).catch(() => {});
  return raised;
}

/**
 * Runs the alerting of a request apart from its answer, which neither waits for it nor changes with
 * it, and outside the request's query budget (a border check answers within 3 s; its alerting may
 * take longer and must not be cut at that deadline); a failure is written to stderr, since no one is
 * waiting to hear of it.
 */
function inBackground(what: string, work: () => Promise<unknown>): void {
  const running: Promise<void> = outsideRequest(work)
    .then(() => {})
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`ariadne: alerts on ${what} were not raised: ${message}\n`);
    })
    .finally(() => pending.delete(running));
  pending.add(running);
}

const pending = new Set<Promise<void>>();

/** Resolves once the alerting running in the background (and any it starts meanwhile) is done. */
export async function backgroundAlertsSettled(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** Alerts on an analyst's committed edit, in the background. */
export function alertOnEdit(store: Store, changed: ChangedRecords): void {
  inBackground('an edit', () => alertOnChange(store, changed, 'edit'));
}

/**
 * Alerts the recipients of watches a border check hit, in the background; a check of identifiers no
 * watch could hit (`watched`, in memory) asks Neo4j nothing more.
 */
export function alertOnBorderCheck(
  store: Store,
  watched: WatchedIdentifiers,
  item: CheckedItem,
  checker: { username: string; agency: string | null },
): void {
  // The alerts are dated at the check, not when their background work ends, so that two checks'
  // alerts are listed in the order of the checks.
  const at = new Date();
  inBackground('a border check', async () => {
    if (!(await watched.mayHit(item, at))) return;
    const raised = await alertOnCheck(store, item, checker, at);
    if (raised.length > 0) await deliverAlerts(store, raised);
  });
}
