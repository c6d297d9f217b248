/**
 * Webhook deliveries for agencies' own systems: a watch may name a URL on loopback or on a host the
 * operator listed (ARIADNE_WEBHOOK_HOSTS). Each new alert is posted as JSON, only when the watch
 * owner's recorded clearance covers every record in it, signed with HMAC-SHA256 over the body with the
 * watch's secret (`X-Ariadne-Signature: sha256=<hex>`) and marked with the highest handling code of its
 * records (`X-Ariadne-Handling`).
 */
import { createHmac } from 'node:crypto';
import { loadConfig } from '../config.ts';
import { HANDLING_CODES } from '../schema/model.ts';
import type { Alert } from '../schema/api/alerts.ts';
import { getAlert } from '../store/alerts-read.ts';
import type { RaisedAlert } from '../store/alerts-write.ts';
import type { Store } from '../store/store.ts';
import { webhookTargets } from '../store/watches.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const TIMEOUT_MS = 5_000;

/** Why a webhook URL is refused, or undefined when it may be used. */
export function webhookRefusal(
  url: string,
  hosts: readonly string[] = loadConfig().webhookHosts,
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return 'must be http or https';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry credentials';
  const host = parsed.hostname.toLowerCase();
  if (LOOPBACK.has(host)) return undefined;
  if (hosts.includes(host) || hosts.includes(parsed.host.toLowerCase())) return undefined;
  return `host ${JSON.stringify(host)} is neither loopback nor listed in ARIADNE_WEBHOOK_HOSTS: ask the operator to list it`;
}

/** The signature header's value for a body. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The highest handling code among an alert's records and links (H0 when it holds none). */
export function handlingOf(alert: Alert): string {
  const codes = [...alert.records, ...alert.links].map((r) => HANDLING_CODES.indexOf(r.handling));
  return HANDLING_CODES[Math.max(0, ...codes)] ?? 'H0';
}

/** Posts each new alert to its watch's webhook, within the owner's recorded clearance. */
export async function deliverAlerts(store: Store, raised: readonly RaisedAlert[]): Promise<number> {
  const targets = await webhookTargets(store, [...new Set(raised.map((a) => a.watch))]);
  let delivered = 0;
  for (const target of targets) {
    if (webhookRefusal(target.url) !== undefined) continue;
    for (const item of raised.filter((a) => a.watch === target.id)) {
      const alert = await getAlert(store, target.owner, target.clearance, item.id);
      if (alert === null) continue;
      const body = JSON.stringify({ alert });
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ariadne-signature': signature(target.secret, body),
          'x-ariadne-handling': handlingOf(alert),
          'x-ariadne-alert': alert.id,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).catch(() => undefined);
      if (response?.ok) delivered++;
    }
  }
  return delivered;
}
