import { describe, expect, it } from 'vitest';
import { coalesced, readsChanged, sharedJsonOf } from '../../../server/api/coalesce.ts';

/** A read that answers when told to, counting how often it was asked. */
function gate<T>(value: T) {
  let asked = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    read: async () => {
      asked += 1;
      await opened;
      return value;
    },
    open,
    asked: () => asked,
  };
}

describe('coalesced reads', () => {
  it('asks once for identical reads under way, and shares the answer', async () => {
    const store = {};
    const g = gate({ id: 'e1' });
    const reads = [1, 2, 3].map(() => coalesced(store, ['read', 'H0', 'e1'], g.read));
    g.open();
    const answers = await Promise.all(reads);
    expect(g.asked()).toBe(1);
    expect(answers[0]).toBe(answers[2]);
  });

  it('asks separately for another key, another store, or once the answer is in', async () => {
    const store = {};
    const g = gate(1);
    g.open();
    await Promise.all([
      coalesced(store, ['read', ['H0'], 'e1'], g.read),
      coalesced(store, ['read', ['H0', 'H1'], 'e1'], g.read),
      coalesced({}, ['read', ['H0'], 'e1'], g.read),
    ]);
    await coalesced(store, ['read', ['H0'], 'e1'], g.read);
    expect(g.asked()).toBe(4);
  });

  it('lets no read join one begun before a committed write', async () => {
    const store = {};
    const before = gate('old');
    const first = coalesced(store, ['read', 'e1'], before.read);
    readsChanged();
    const after = gate('new');
    after.open();
    expect(await coalesced(store, ['read', 'e1'], after.read)).toBe('new');
    before.open();
    expect(await first).toBe('old');
  });

  it('shares a failure with the reads that joined, and forgets it', async () => {
    const store = {};
    let asked = 0;
    const failing = async () => {
      asked += 1;
      throw new Error('Neo4j is away');
    };
    const reads = [coalesced(store, ['k'], failing), coalesced(store, ['k'], failing)];
    for (const read of reads) await expect(read).rejects.toThrow('Neo4j is away');
    await expect(coalesced(store, ['k'], failing)).rejects.toThrow('Neo4j is away');
    expect(asked).toBe(2);
  });

  it('serialises a shared answer once, and leaves anything else to the response', async () => {
    const shared = await coalesced({}, ['k'], async () => ({ id: 'e1', relations: [1, 2] }));
    expect(sharedJsonOf(shared)).toBe('{"id":"e1","relations":[1,2]}');
    expect(sharedJsonOf(shared)).toBe(sharedJsonOf(shared));
    expect([sharedJsonOf({ n: 1 }), sharedJsonOf(null), sharedJsonOf('text')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
