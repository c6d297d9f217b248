import { describe, expect, it } from 'vitest';
import { type AuditDraft, sealEvents, verifyChain } from '../../../server/schema/audit-chain.ts';

const draft = (action: string): AuditDraft => ({
  at: '2025-01-31T12:00:00.000Z',
  username: 'ana',
  role: 'analyst',
  ip: null,
  action,
  targets: [],
  parameters: null,
  purpose: null,
  outcome: 'ok',
});

const events = sealEvents(null, ['a', 'b', 'c', 'd'].map(draft));
const last = events[3]!;
const head = { seq: last.seq, hash: last.hash };

describe('the chain head', () => {
  it('checks when it names the last event', () => {
    expect(verifyChain(events, head)).toEqual({ count: 4, firstBreak: null });
    expect(verifyChain([], null)).toEqual({ count: 0, firstBreak: null });
  });

  it('names events removed from the end, even all of them', () => {
    expect(verifyChain(events.slice(0, 3), head).firstBreak).toEqual({
      seq: 4,
      id: 'audit-4',
      reason: 'the chain ends at seq 3 but its head records seq 4: the last event was removed',
    });
    expect(verifyChain([], head).firstBreak?.reason).toMatch(
      /ends at seq 0 .*the last 4 events were removed/,
    );
  });

  it('names events added after it, a last event that is not the one it names, and its absence', () => {
    expect(verifyChain(events, { seq: 3, hash: events[2]!.hash }).firstBreak).toMatchObject({
      seq: 4,
      reason: expect.stringMatching(/added outside the trail/),
    });
    expect(verifyChain(events, { seq: 4, hash: events[2]!.hash }).firstBreak?.reason).toMatch(
      /does not match the chain head/,
    );
    expect(verifyChain(events, null).firstBreak).toMatchObject({
      seq: 4,
      reason: 'the chain head is missing: it was removed',
    });
  });

  it('is not consulted when a link breaks first', () => {
    const gap = [events[0]!, events[2]!, events[3]!];
    expect(verifyChain(gap, head).firstBreak).toMatchObject({
      seq: 3,
      reason: expect.stringMatching(/expected seq 2/),
    });
  });
});
