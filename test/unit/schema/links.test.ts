import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkLinkEndpoints, LINK_ENDPOINTS, LINK_SCHEMAS } from '../../../server/schema/links.ts';
import { LINK_TYPES } from '../../../server/schema/model.ts';
import { LINK_EXAMPLE_ENDS, LINK_WRONG_ENDS, PROVENANCE } from './examples.ts';

const valid = { id: 'l-1', source: 'a', target: 'b', weight: 3, date: '2020-04-03', order: 0, ...PROVENANCE };

describe('link schemas', () => {
  it('has a schema and endpoint rules for every link type', () => {
    expect(Object.keys(LINK_SCHEMAS).sort()).toEqual([...LINK_TYPES].sort());
    expect(Object.keys(LINK_ENDPOINTS).sort()).toEqual([...LINK_TYPES].sort());
  });

  it.each(LINK_TYPES)('accepts a valid %s link', (type) => {
    expect(LINK_SCHEMAS[type].safeParse(valid).error?.issues ?? []).toEqual([]);
  });

  it.each(LINK_TYPES)('rejects a %s link with a weight of zero, naming weight', (type) => {
    const issues = LINK_SCHEMAS[type].safeParse({ ...valid, weight: 0 }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['weight', expect.stringMatching(/must be positive/)],
    ]);
  });

  it.each(LINK_TYPES)('publishes %s as JSON Schema', (type) => {
    const json = z.toJSONSchema(LINK_SCHEMAS[type]) as { $defs?: Record<string, { required?: string[] }> };
    expect(json.$defs?.[`${type}_link`]?.required).toEqual(
      expect.arrayContaining(['id', 'source', 'target']),
    );
  });

  it('requires a ROUTE_LEG to say which leg it is', () => {
    const { order: _order, ...withoutOrder } = valid;
    const issues = LINK_SCHEMAS.ROUTE_LEG.safeParse(withoutOrder).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['order', expect.stringMatching(/is missing: add a leg number/)],
    ]);
    expect(LINK_SCHEMAS.ROUTE_LEG.safeParse({ ...valid, order: 1.5 }).success).toBe(false);
  });

  it('keeps the role of a MEMBER_OF link and lets it be left out', () => {
    expect(LINK_SCHEMAS.MEMBER_OF.parse({ ...valid, role: '  money   broker ' }).role).toBe('money broker');
    expect(LINK_SCHEMAS.MEMBER_OF.safeParse(valid).success).toBe(true);
  });

  it('rejects a link from an entity to itself', () => {
    const issues = LINK_SCHEMAS.ASSOCIATE_OF.safeParse({ ...valid, target: 'a' }).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['target']);
  });
});

describe('checkLinkEndpoints', () => {
  it.each(LINK_TYPES)('allows %s between its usual labels', (type) => {
    const [source, target] = LINK_EXAMPLE_ENDS[type];
    expect(checkLinkEndpoints(type, source, target)).toBeUndefined();
  });

  it.each(LINK_TYPES)('refuses %s between labels it does not join', (type) => {
    const [source, target] = LINK_WRONG_ENDS[type];
    expect(checkLinkEndpoints(type, source, target)).toMatch(new RegExp(`^${type} `));
  });

  it('suggests swapping the ends of a money link drawn backwards', () => {
    expect(checkLinkEndpoints('PAID', 'Payment', 'Person')).toBe(
      'PAID goes from a Person, Organisation or Account to a Payment; here it goes from a Payment to a Person: swap source and target',
    );
  });

  it('keeps SAME_AS between records of one label', () => {
    expect(checkLinkEndpoints('SAME_AS', 'Vessel', 'Vessel')).toBeUndefined();
    expect(checkLinkEndpoints('SAME_AS', 'Person', 'Organisation')).toMatch(/same label/);
  });
});
