import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idField } from '../../../server/schema/fields.ts';
import { deriveEntityId, deriveLinkId } from '../../../server/schema/keys.ts';
import type { EntityLabel } from '../../../server/schema/model.ts';

describe('deriveEntityId', () => {
  it.each<[EntityLabel, Record<string, unknown>, string]>([
    ['Document', { kind: 'passport', issuingCountry: 'SY', number: 'P123456' }, 'doc:passport:SY:P123456'],
    ['Vessel', { imo: '9074729', mmsi: '247123450' }, 'imo:9074729'],
    ['Vessel', { mmsi: '247123450' }, 'mmsi:247123450'],
    ['Account', { iban: 'DE89370400440532013000', wallet: 'bc1q' }, 'iban:DE89370400440532013000'],
    ['Account', { wallet: 'bc1qXYZ' }, 'wallet:bc1qXYZ'],
    ['Account', { institution: 'Al Amana  Exchange', number: '0012345' }, 'acct:al amana exchange:0012345'],
    ['Communication', { kind: 'phone', identifier: '+218911234567' }, 'comm:phone:+218911234567'],
    ['Location', { kind: 'port', country: 'LY', name: 'Zuwārah' }, 'loc:port:LY:zuwarah'],
    ['Source', { reference: 'EUR-2020-0042' }, 'src:EUR-2020-0042'],
    ['Case', { name: 'Operation  Sea Gate' }, 'case:operation sea gate'],
    ['Route', { name: 'Central Mediterranean' }, 'route:central mediterranean'],
    ['Person', { name: 'Abu Ali', sourceRef: 'EU-77' }, 'person:EU-77'],
    ['Organisation', { country: 'TR', registrationNumber: '2231' }, 'org:TR:2231'],
    ['Vehicle', { country: 'FR', plate: 'AB123CD' }, 'plate:FR:AB123CD'],
  ])('derives a %s id from its natural key', (type, fields, id) => {
    expect(deriveEntityId({ type, ...fields })).toEqual({ ok: true, value: id });
  });

  it.each<[EntityLabel, Record<string, unknown>, RegExp]>([
    ['Person', { name: 'Abu Ali' }, /^Person needs an id or sourceRef: two people can share a name$/],
    ['Payment', { amount: 100, currency: 'EUR', date: '2020-01-01' }, /Payment needs an id/],
    ['Offence', { category: 'migrant smuggling' }, /Offence needs an id/],
    ['Event', { kind: 'shipwreck' }, /Event needs an id/],
    ['Document', { number: 'P1' }, /Document needs an id, or kind, issuingCountry and number/],
    ['Vessel', { name: 'Sea Star' }, /Vessel needs an id, an imo or an mmsi/],
    ['Location', { name: 'Tripoli', kind: 'city' }, /places in different countries share names/],
  ])('refuses to derive a %s id from %j', (type, fields, message) => {
    const result = deriveEntityId({ type, ...fields });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('deriveLinkId', () => {
  const link = { type: 'MEMBER_OF', source: 'p-1', target: 'o-1' };

  it('gives a short id that stays the same for the same link', () => {
    const id = deriveLinkId(link);
    expect(id).toMatch(/^l:[0-9a-f]{16}$/);
    expect(deriveLinkId({ ...link })).toBe(id);
  });

  it('is the first 16 hex digits of the sha1 of type:source->target', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha1')
      .update('MEMBER_OF:p-1->o-1:2020-04-03:leader')
      .digest('hex')
      .slice(0, 16);
    expect(deriveLinkId({ ...link, date: '2020-04-03', role: 'leader' })).toBe(`l:${expected}`);
  });

  it('tells apart links that differ only by date, role, order, direction or type', () => {
    const ids = new Set([
      deriveLinkId(link),
      deriveLinkId({ ...link, date: '2020-04-03' }),
      deriveLinkId({ ...link, role: 'leader' }),
      deriveLinkId({ ...link, order: 1 }),
      deriveLinkId({ ...link, source: 'o-1', target: 'p-1' }),
      deriveLinkId({ ...link, type: 'LEADS' }),
    ]);
    expect(ids.size).toBe(6);
  });

  // validateRecord takes a derived link id as it is, without parsing it (validation-memo.ts).
  it("is already in the id field's canonical form, whatever the key fields hold", () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.option(text),
        fc.option(fc.integer()),
        (type, source, target, date, order) => {
          const id = deriveLinkId({
            type,
            source,
            target,
            date: date ?? undefined,
            order: order ?? undefined,
          });
          expect(idField.safeParse(id)).toEqual({ success: true, data: id });
        },
      ),
      { numRuns: 500 },
    );
  });
});
