/**
 * After a write commits (an import, an analyst's edit, an analysis run, a border check): match what
 * it changed against the watches, raise the alerts, and deliver them to the watches' webhooks. The
 * writes call this one function; a failure here never undoes the write it follows.
 */
import { type ChangedRecords, matchChanges } from '../store/alert-match.ts';
import type { AlertTrigger, RaisedAlert } from '../store/alerts-write.ts';
import type { Store } from '../store/store.ts';
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
