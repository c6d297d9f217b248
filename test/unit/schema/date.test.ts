import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../server/schema/normalise/date.ts';

describe('normaliseDate', () => {
  it.each([
    ['2020-04-03', '2020-04-03'],
    ['2020/04/03', '2020-04-03'],
    ['2020.4.3', '2020-04-03'],
    ['20200403', '2020-04-03'],
    ['3 April 2020', '2020-04-03'],
    ['3rd Apr 2020', '2020-04-03'],
    ['03-Apr-2020', '2020-04-03'],
    ['April 3, 2020', '2020-04-03'],
    ['Sept 3, 2020', '2020-09-03'],
    ['25/04/2020', '2020-04-25'],
    ['04/25/2020', '2020-04-25'],
    ['04/04/2020', '2020-04-04'],
    ['2020-02-29', '2020-02-29'],
    ['2020-04-03T10:30:00Z', '2020-04-03T10:30:00.000Z'],
    ['2020-04-03T10:30:00+02:00', '2020-04-03T08:30:00.000Z'],
    ['2020-04-03 10:30:00.123+0000', '2020-04-03T10:30:00.123Z'],
  ])('reads %j as %s', (input, iso) => {
    expect(normaliseDate(input)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['03/04/2020', /ambiguous .*YYYY-MM-DD.*--date-format DMY or MDY/],
    ['2020-02-30', /not a real date: February 2020 has 29 days/],
    ['2021-02-29', /February 2021 has 28 days/],
    ['2020-13-01', /month 13: months run from 1 to 12/],
    ['31 June 2020', /June 2020 has 30 days/],
    ['03/04/20', /two-digit year: write the year in full/],
    ['2020-04-03T10:30:00', /no time zone: add "Z"/],
    ['2020-04-03T25:00:00Z', /impossible time of day/],
    ['2020', /only a year or a month: give a full date/],
    ['yesterday', /not a date Ariadne can read: use YYYY-MM-DD/],
  ])('rejects %j and says how to fix it', (input, message) => {
    const result = normaliseDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ['DMY', '2020-04-03'],
    ['MDY', '2020-03-04'],
  ] as const)('reads 03/04/2020 in the declared order %s', (dateFormat, iso) => {
    expect(normaliseDate('03/04/2020', { dateFormat })).toEqual({ ok: true, value: iso });
  });

  it('still rejects an impossible date in a declared order', () => {
    expect(normaliseDate('31/02/2020', { dateFormat: 'DMY' }).ok).toBe(false);
  });
});
