/** Alerts and cases from the API: the inbox, marking read, dismissing, and opening a case from an alert. */
import type { AlertList } from '../../../server/schema/api/alerts.ts';
import type { CaseWork } from '../../../server/schema/api/cases.ts';
import { getJson, postJson, queryString } from '../lib/http.ts';

/** The inbox: alerts not dismissed, newest first, with the unread count. */
export function fetchInbox(limit = 50) {
  return getJson<AlertList>(`/api/alerts${queryString({ show: 'inbox', limit })}`);
}

/** Only the counts, for the badge in the header. */
export function fetchAlertCounts() {
  return getJson<AlertList>(`/api/alerts${queryString({ countOnly: 'true' })}`);
}

/** Marks an alert read or unread. */
export function markAlert(id: string, read: boolean) {
  return postJson<undefined>(`/api/alerts/${encodeURIComponent(id)}/read`, { read });
}

/** Dismisses an alert, with the reason. */
export function dismissAlert(id: string, reason: string) {
  return postJson<undefined>(`/api/alerts/${encodeURIComponent(id)}/dismiss`, { reason });
}

/** Opens a case from an alert: its records join the case, which the alert then fed. */
export function openCaseFromAlert(alertId: string, title: string, handling: string) {
  // H3 needs its restriction in words: the case carries those of the records it was opened from.
  const condition =
    handling === 'H3' ? { handlingCondition: 'The restrictions of the records it holds' } : {};
  return postJson<CaseWork>('/api/cases', { title, handling, fromAlert: alertId, ...condition });
}
