import { describe, expect, it } from 'vitest';
import { traceMoney } from '../../../analysis/money/trace.ts';
import type { Transfer } from '../../../analysis/money/types.ts';

const t = (id: string, from: string, to: string, amount: number, date: string): Transfer => ({
  id,
  from,
  to,
  amount,
  currency: 'EUR',
  amountConverted: amount,
  date,
});

// A pays B; B pays C after, and D before the money arrived; C pays E.
const transfers = [
  t('ab', 'A', 'B', 1000, '2024-05-02'),
  t('bc', 'B', 'C', 800, '2024-05-03'),
  t('bd', 'B', 'D', 300, '2024-05-01'),
  t('ce', 'C', 'E', 700, '2024-05-04'),
];

describe('traceMoney', () => {
  it('follows money forward only along payments made after it arrived', () => {
    const { totals, paths } = traceMoney(transfers, { from: 'A' });
    expect(totals.map((x) => x.party).sort()).toEqual(['B', 'C', 'E']);
    expect(totals.find((x) => x.party === 'E')).toMatchObject({ total: 700, hops: 3 });
    expect(paths).toHaveLength(1);
    expect(paths[0]?.hops.map((h) => h.payment)).toEqual(['ab', 'bc', 'ce']);
    // The bottleneck: no more than 700 can have gone all the way.
    expect(paths[0]?.amount).toBe(700);
  });

  it('traces backward into a party from payments made before the money left', () => {
    const { totals } = traceMoney(transfers, { from: 'E', direction: 'backward' });
    expect(totals.map((x) => x.party).sort()).toEqual(['A', 'B', 'C']);
  });

  it('stops at maxHops and at the end of the period', () => {
    expect(
      traceMoney(transfers, { from: 'A', maxHops: 2 })
        .totals.map((x) => x.party)
        .sort(),
    ).toEqual(['B', 'C']);
    expect(
      traceMoney(transfers, { from: 'A', until: '2024-05-03' })
        .totals.map((x) => x.party)
        .sort(),
    ).toEqual(['B', 'C']);
  });

  it('says when it listed fewer paths than exist', () => {
    const fan = [t('x1', 'X', 'Y1', 1, '2024-01-01'), t('x2', 'X', 'Y2', 1, '2024-01-01')];
    expect(traceMoney(fan, { from: 'X', maxPaths: 1 })).toMatchObject({ truncated: true });
  });
});
