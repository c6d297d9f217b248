import { describe, expect, it } from 'vitest';
import {
  type AuditDraft,
  canonicalJson,
  GENESIS_HASH,
  hashEvent,
  sealEvents,
  verifyChain,
} from '../../../server/schema/audit-chain.ts';

function draft(action: string): AuditDraft {
  return {
    at: '2025-01-31T12:00:00.000Z',
    username: 'ana',
    role: 'analyst',
    ip: '127.0.0.1',
    action,
    targets: ['p1'],
    parameters: canonicalJson({ depth: 2 }),
    purpose: null,
    outcome: 'ok',
  };
}

const chain = () => sealEvents(null, ['a', 'b', 'c', 'd'].map(draft));

describe('canonicalJson', () => {
  it('sorts keys at every level, so equal content gives equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('the hash chain', () => {
  it('links each event to the one before, starting from the genesis hash', () => {
    const events = chain();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
    expect(verifyChain(events)).toEqual({ count: 4, firstBreak: null });
  });

  it('continues after an existing head', () => {
    const first = chain();
    const last = first[3]!;
    const more = sealEvents({ seq: last.seq, hash: last.hash }, [draft('e')]);
    expect(more[0]).toMatchObject({ seq: 5, id: 'audit-5', prevHash: last.hash });
    expect(verifyChain([...first, ...more]).firstBreak).toBeNull();
  });

  it('names an altered event', () => {
    const events = chain();
    events[1] = { ...events[1]!, outcome: 'denied' };
    expect(verifyChain(events).firstBreak).toMatchObject({
      seq: 2,
      reason: expect.stringMatching(/altered/),
    });
  });

  it('names the event after a removed one', () => {
    const events = chain();
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({ count: 1, firstBreak: { seq: 3, id: 'audit-3' } });
  });

  it('names the first of two events whose places were swapped', () => {
    const [a, b, c, d] = chain();
    const swapped = [a!, { ...c!, seq: 2 }, { ...b!, seq: 3 }, d!];
    expect(verifyChain(swapped).firstBreak).toMatchObject({ seq: 2, id: 'audit-3' });
  });

  it('notices a rewritten event whose hash was recomputed, at the event after it', () => {
    const events = chain();
    const forged = { ...events[1]!, username: 'mallory' };
    events[1] = { ...forged, hash: hashEvent(forged) };
    expect(verifyChain(events).firstBreak).toMatchObject({
      seq: 3,
      reason: expect.stringMatching(/prevHash/),
    });
  });
});
