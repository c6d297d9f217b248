import { describe, expect, it } from 'vitest';
import { alertOnBorderCheck } from '../../../server/alerts/index.ts';
import { UNBOUND_MS, queryTimeout, withQueryBudget } from '../../../server/store/query-budget.ts';
import type { Store } from '../../../server/store/store.ts';
import { WatchedIdentifiers } from '../../../server/store/watched-identifiers.ts';

// A border check answers within its 3 s deadline; the alerting it starts must not inherit that budget,
// or under load its queries are cut after the answer and the watch's owner is never alerted.
describe('alerting after a request', () => {
  it('runs its queries outside the request budget', async () => {
    const timeouts: number[] = [];
    const store = {
      read: async () => {
        timeouts.push(queryTimeout());
        return { records: [] };
      },
    } as unknown as Store;
    const watched = new WatchedIdentifiers(store, () => 0);
    withQueryBudget(1, () =>
      alertOnBorderCheck(
        store,
        watched,
        { kind: 'document', number: 'AB1234567', country: 'LY' },
        {
          username: 'officer',
          agency: 'Frontex',
        },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((ms) => ms === UNBOUND_MS)).toBe(true);
  });
});
