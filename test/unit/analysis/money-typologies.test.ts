import { describe, expect, it } from 'vitest';
import { detectCycles } from '../../../analysis/money/typologies-cycle.ts';
import { detectHawalaOffsetting } from '../../../analysis/money/typologies-hawala.ts';
import { detectBipartite } from '../../../analysis/money/typologies-bipartite.ts';
import { detectPassThrough, detectStructuring } from '../../../analysis/money/typologies-pass-through.ts';
import { detectStacks } from '../../../analysis/money/typologies-stack.ts';
import { detectTypologies } from '../../../analysis/money/typologies.ts';
import type { Transfer } from '../../../analysis/money/types.ts';

let n = 0;
const t = (from: string, to: string, amount: number, date: string): Transfer => ({
  id: `t${n++}`,
  from,
  to,
  amount,
  currency: 'EUR',
  amountConverted: amount,
  date,
});

describe('pass-through', () => {
  it('flags a party that pays out most of a receipt within days, and not one that keeps it', () => {
    const transfers = [
      t('payer', 'mule', 20_000, '2024-02-01'),
      t('mule', 'x', 9_000, '2024-02-02'),
      t('mule', 'y', 9_500, '2024-02-03'),
      t('payer', 'saver', 20_000, '2024-02-01'),
      t('saver', 'shop', 500, '2024-02-02'),
    ];
    const hits = detectPassThrough(transfers);
    expect(hits.map((h) => h.parties[0])).toEqual(['mule']);
    expect(hits[0]?.payments).toHaveLength(3);
  });

  it('ignores money that leaves only after the window', () => {
    const transfers = [t('payer', 'slow', 1_000, '2024-02-01'), t('slow', 'z', 1_000, '2024-02-20')];
    expect(detectPassThrough(transfers)).toEqual([]);
  });
});

describe('structuring', () => {
  it('flags several payments just under the threshold within a week, by one payer', () => {
    const transfers = [
      t('smurf', 'a', 9_800, '2024-04-01'),
      t('smurf', 'b', 9_500, '2024-04-03'),
      t('smurf', 'c', 9_900, '2024-04-05'),
      t('honest', 'a', 12_000, '2024-04-01'),
      t('honest', 'b', 4_000, '2024-04-02'),
      t('honest', 'c', 10_000, '2024-04-03'),
    ];
    const hits = detectStructuring(transfers);
    expect(hits.map((h) => h.parties[0])).toEqual(['smurf']);
    expect(hits[0]?.total).toBe(29_200);
  });

  it('reports the whole run of deposits, not only the busiest week', () => {
    const run = Array.from({ length: 7 }, (_, i) =>
      t('depositor', 'bank', 9_500, `2024-10-${String(7 + 2 * i).padStart(2, '0')}`),
    );
    expect(detectStructuring(run)[0]?.payments).toHaveLength(7);
  });

  it('does not flag the same amounts spread over months', () => {
    const transfers = [
      t('p', 'a', 9_800, '2024-01-01'),
      t('p', 'a', 9_800, '2024-02-01'),
      t('p', 'a', 9_800, '2024-03-01'),
    ];
    expect(detectStructuring(transfers)).toEqual([]);
  });
});

describe('hawala offsetting', () => {
  // Clients in Libya pay broker L; broker I pays their families in Italy; the reverse flow balances it.
  const hawala = [
    t('ly-client-1', 'L', 5_000, '2024-06-01'),
    t('ly-client-2', 'L', 3_000, '2024-06-02'),
    t('I', 'it-family-1', 4_900, '2024-06-02'),
    t('I', 'it-family-2', 3_000, '2024-06-03'),
    t('it-client-1', 'I', 4_000, '2024-06-04'),
    t('it-client-2', 'I', 4_100, '2024-06-05'),
    t('L', 'ly-family-1', 7_800, '2024-06-06'),
    t('L', 'ly-family-2', 200, '2024-06-06'),
  ];

  it('pairs two brokers whose opposite client flows net out with nothing passing between them', () => {
    const hits = detectHawalaOffsetting(hawala);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.parties.slice(0, 2).sort()).toEqual(['I', 'L']);
    expect(hits[0]?.payments).toHaveLength(8);
  });

  it('does not pair brokers who settle by a large direct transfer', () => {
    expect(detectHawalaOffsetting([...hawala, t('L', 'I', 8_000, '2024-06-07')])).toEqual([]);
  });

  it('pairs two brokers who settle by transfers both ways that net out', () => {
    const settling = [
      t('B1', 'B2', 24_000, '2024-04-02'),
      t('B2', 'B1', 26_000, '2024-04-30'),
      t('B1', 'B2', 18_500, '2024-06-11'),
      t('B2', 'B1', 16_000, '2024-07-23'),
    ];
    expect(detectHawalaOffsetting(settling).map((h) => h.parties)).toEqual([['B1', 'B2']]);
    // One large transfer the other way is a debt, not a settlement that nets out.
    expect(detectHawalaOffsetting([...settling, t('B1', 'B2', 60_000, '2024-08-01')])).toEqual([]);
  });

  it('does not pair brokers whose flows go one way only', () => {
    expect(detectHawalaOffsetting(hawala.slice(0, 4), { brokers: ['L', 'I'] })).toEqual([]);
  });
});

describe('cycles, stacks and bipartites', () => {
  it('finds a cycle only when each hop follows the previous one in time', () => {
    const ordered = [
      t('A', 'B', 100, '2024-01-01'),
      t('B', 'C', 95, '2024-01-02'),
      t('C', 'A', 90, '2024-01-03'),
    ];
    const jumbled = [
      t('A', 'B', 100, '2024-01-03'),
      t('B', 'C', 95, '2024-01-02'),
      t('C', 'A', 90, '2024-01-04'),
    ];
    expect(detectCycles(ordered).map((h) => h.parties.length)).toEqual([3]);
    // No rotation of A->B->C->A has its hops in date order.
    expect(detectCycles(jumbled)).toEqual([]);
  });

  it('finds a two-hop chain of conduits that passes on what it got, not one that keeps it', () => {
    const layered = [t('S', 'M', 5_000, '2024-01-01'), t('M', 'D', 4_800, '2024-01-02')];
    const spent = [t('S2', 'M2', 5_000, '2024-01-01'), t('M2', 'D2', 40, '2024-01-02')];
    expect(detectStacks(layered).map((h) => h.parties)).toEqual([['S', 'M', 'D']]);
    expect(detectStacks(spent)).toEqual([]);
  });

  it('reads two origins paying through shared intermediaries into one destination as one stack', () => {
    const transfers = [
      t('O1', 'M1', 31_000, '2024-09-02'),
      t('O1', 'M2', 30_300, '2024-09-02'),
      t('O2', 'M1', 30_300, '2024-09-03'),
      t('O2', 'M2', 29_600, '2024-09-03'),
      t('M1', 'D', 59_400, '2024-09-05'),
      t('M2', 'D', 58_500, '2024-09-05'),
      // M1 is a busy account: fees from elsewhere do not hide the layering.
      ...['f1', 'f2', 'f3', 'f4'].map((f) => t(f, 'M1', 2_000, '2024-09-04')),
    ];
    const hits = detectTypologies(transfers, { kinds: ['scatter-gather', 'stack'] });
    expect(hits.map((h) => [h.kind, h.payments.length])).toEqual([['stack', 6]]);
  });

  it('finds payers paying payees that do not pay on, with at least two on each side', () => {
    const transfers = [
      t('P1', 'Q1', 100, '2024-01-01'),
      t('P1', 'Q2', 100, '2024-01-01'),
      t('P2', 'Q2', 100, '2024-01-02'),
      t('P2', 'Q3', 100, '2024-01-02'),
    ];
    expect(detectBipartite(transfers).map((h) => h.parties.sort())).toEqual([['P1', 'P2', 'Q1', 'Q2', 'Q3']]);
    expect(detectBipartite([...transfers, t('Q3', 'R', 100, '2024-01-03')])[0]?.payments).toHaveLength(3);
  });

  it('reports a gather-scatter hub once, not also as a fan-in and a fan-out', () => {
    const transfers = [
      ...['a', 'b', 'c'].map((p) => t(p, 'H', 1_000, '2024-01-01')),
      ...['x', 'y', 'z'].map((p) => t('H', p, 1_000, '2024-01-03')),
    ];
    expect(
      detectTypologies(transfers, { kinds: ['fan-in', 'fan-out', 'gather-scatter'] }).map((h) => h.kind),
    ).toEqual(['gather-scatter']);
  });

  it('rejects an unknown kind, listing the known ones', () => {
    expect(() => detectTypologies([], { kinds: ['smurfing' as 'cycle'] })).toThrow(/known: fan-out/);
  });
});
