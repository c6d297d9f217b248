import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdNames } from '../../support/non-interference/normalise.ts';

afterEach(() => {
  vi.useRealTimers();
});

function normaliseAt(iso: string, value: unknown): unknown {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  return new IdNames().json(value);
}

describe('the non-interference normaliser', () => {
  it('compares a watch made before midnight in D with one made after it in D', () => {
    const d = normaliseAt('2026-12-06T23:59:50Z', {
      reviewBy: '2027-12-06',
      createdAt: '2026-12-06T23:59:50.1Z',
    });
    const dPrime = normaliseAt('2026-12-07T00:01:10Z', {
      reviewBy: '2027-12-07',
      createdAt: '2026-12-07T00:01:10.4Z',
    });
    expect(d).toEqual({ reviewBy: '<latest-review>', createdAt: '<time>' });
    expect(dPrime).toEqual(d);
  });

  it('keeps every day the server did not derive from its clock', () => {
    expect(
      normaliseAt('2026-12-07T10:00:00Z', { from: '2024-06-30', note: 'seen 2027-12-06 and 2026-12-06' }),
    ).toEqual({ from: '2024-06-30', note: 'seen <latest-review> and <today>' });
    expect(normaliseAt('2026-12-07T10:00:00Z', ['2026-12-08', '2027-12-08', '2026-12-05'])).toEqual([
      '2026-12-08',
      '2027-12-08',
      '2026-12-05',
    ]);
  });
});
