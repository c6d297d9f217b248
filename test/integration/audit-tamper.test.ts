import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEvent } from '../../server/schema/audit-chain.ts';
import { auditTrailFor, verifyAuditTrail } from '../../server/audit/audit-trail.ts';
import { readAuditHead, readAuditPage } from '../../server/store/audit.ts';
import type { Store } from '../../server/store/store.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

// A fresh chain of six events, tampered with one way at a time and put back after each.
const EVENTS = 6;

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const trail = auditTrailFor(store);
  const actor = { username: 'ana', role: 'analyst' as const, ip: '127.0.0.1' };
  for (let i = 1; i <= EVENTS; i++) {
    await trail.append(actor, { action: 'entities.read', targets: [`p-${i}`], outcome: 'ok' });
  }
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

type Props = Record<string, unknown>;

async function propsOf(seq: number): Promise<Props> {
  const result = await store.read('MATCH (e:AuditEvent {seq: $seq}) RETURN properties(e) AS p', { seq });
  return result.records[0]?.get('p') as Props;
}

/** Applies a tampering, runs `check`, then restores the events as they were and sees the chain check. */
async function tampered(seqs: number[], tamper: () => Promise<unknown>, check: () => Promise<void>) {
  const saved = await Promise.all(seqs.map(propsOf));
  await tamper();
  try {
    await check();
  } finally {
    await store.write('MATCH (e:AuditEvent) WHERE e.seq IN $seqs DETACH DELETE e', { seqs });
    await store.write('UNWIND $saved AS p CREATE (e:AuditEvent) SET e = p', { saved });
  }
  expect(await verifyAuditTrail(store)).toEqual({ count: EVENTS, firstBreak: null });
}

describe('ariadne audit verify on a fresh chain', () => {
  it('checks every event and the chain head when nothing was touched', async () => {
    expect(await verifyAuditTrail(store)).toEqual({ count: EVENTS, firstBreak: null });
    expect(await readAuditHead(store)).toEqual({ seq: EVENTS, hash: (await propsOf(EVENTS)).hash });
  });

  it('names the removal of the last event, which the links alone cannot show', async () => {
    await tampered(
      [EVENTS],
      () => store.write('MATCH (e:AuditEvent {seq: $seq}) DELETE e', { seq: EVENTS }),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak).toEqual({
          seq: EVENTS,
          id: `audit-${EVENTS}`,
          reason: expect.stringMatching(
            /ends at seq 5 but its head records seq 6: the last event was removed/,
          ),
        });
        const { code, stdout } = await runCli(['audit', 'verify'], testEnv());
        expect(code).toBe(1);
        expect(stdout).toMatch(
          /broken at event audit-6 \(seq 6\): .*last event was removed\. 5 events before it check/,
        );
      },
    );
  });

  it('names the removal of the last two events', async () => {
    await tampered(
      [EVENTS - 1, EVENTS],
      () => store.write('MATCH (e:AuditEvent) WHERE e.seq >= $seq DELETE e', { seq: EVENTS - 1 }),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak?.reason).toMatch(/the last 2 events were removed/);
      },
    );
  });

  it('names the event after one removed from the middle', async () => {
    await tampered(
      [3],
      () => store.write('MATCH (e:AuditEvent {seq: 3}) DELETE e'),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak).toMatchObject({
          seq: 4,
          id: 'audit-4',
          reason: expect.stringMatching(/expected seq 3 but found 4: an event was removed/),
        });
      },
    );
  });

  it('names an altered event', async () => {
    await tampered(
      [2],
      () => store.write("MATCH (e:AuditEvent {seq: 2}) SET e.username = 'someone-else'"),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak).toMatchObject({
          seq: 2,
          reason: expect.stringMatching(/altered/),
        });
      },
    );
  });

  it('names two events whose places were swapped', async () => {
    await tampered(
      [4, 5],
      () => store.write('MATCH (a:AuditEvent {seq: 4}), (b:AuditEvent {seq: 5}) SET a.seq = 5, b.seq = 4'),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak).toMatchObject({
          seq: 4,
          id: 'audit-5',
          reason: expect.stringMatching(/reordered/),
        });
      },
    );
  });

  it('names a last event replaced by one with a consistent hash of its own', async () => {
    const [last] = await readAuditPage(store, EVENTS - 1, 1);
    if (last === undefined) throw new Error('the chain has no last event');
    const forged = { ...last, targets: ['p-other'] };
    await tampered(
      [EVENTS],
      () =>
        store.write('MATCH (e:AuditEvent {seq: $seq}) SET e.targets = $targets, e.hash = $hash', {
          seq: EVENTS,
          targets: ['p-other'],
          hash: hashEvent(forged),
        }),
      async () => {
        expect((await verifyAuditTrail(store)).firstBreak).toMatchObject({
          seq: EVENTS,
          reason: expect.stringMatching(/does not match the chain head/),
        });
      },
    );
  });

  it('keeps appending on the head after the checks', async () => {
    await auditTrailFor(store).append(
      { username: 'ana', role: 'analyst', ip: null },
      { action: 'entities.read', targets: ['p-7'], outcome: 'ok' },
    );
    expect(await verifyAuditTrail(store)).toEqual({ count: EVENTS + 1, firstBreak: null });
    expect((await readAuditHead(store))?.seq).toBe(EVENTS + 1);
  });
});
