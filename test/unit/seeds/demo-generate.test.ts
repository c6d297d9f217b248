import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS } from '../../../server/schema/entities/index.ts';
import { checkLinkEndpoints, LINK_SCHEMAS } from '../../../server/schema/links.ts';
import type { EntityLabel, LinkType } from '../../../server/schema/model.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../../seeds/demo/types.ts';
import { loadDemoCase } from './demo-fixture.ts';

const demo = loadDemoCase();
const FACILITATOR_ROLES = new Set([
  'organiser',
  'recruiter',
  'transporter',
  'boat pilot',
  'guide',
  'forger',
  'money broker',
  'corrupt official',
  'safe-house keeper',
  'online advertiser',
]);

function hashOf(seed?: number): string {
  const hash = createHash('sha256');
  for (const record of generateDemoCase(seed === undefined ? {} : { seed }).records)
    hash.update(JSON.stringify(record) + '\n');
  return hash.digest('hex');
}

describe('generateDemoCase at scale 1', () => {
  it('gives the same records for the same seed, and different ones for another seed', () => {
    const first = hashOf();
    expect(hashOf()).toBe(first);
    expect(hashOf(7)).not.toBe(first);
  });

  it('holds 3,000-5,000 entities and 10,000-20,000 links, as the ground truth counts them', () => {
    expect(demo.entities.length).toBeGreaterThanOrEqual(3000);
    expect(demo.entities.length).toBeLessThanOrEqual(5000);
    expect(demo.links.length).toBeGreaterThanOrEqual(10_000);
    expect(demo.links.length).toBeLessThanOrEqual(20_000);
    expect(demo.truth.counts.totalEntities).toBe(demo.entities.length);
    expect(demo.truth.counts.totalLinks).toBe(demo.links.length);
    expect(demo.truth.counts.entities.Person).toBe(demo.entities.filter((e) => e.type === 'Person').length);
  });

  it('gives every entity and every link a unique id', () => {
    expect(new Set(demo.entities.map((e) => e.id)).size).toBe(demo.entities.length);
    expect(new Set(demo.links.map((l) => l.id)).size).toBe(demo.links.length);
    const triples = new Set(demo.links.map((l) => `${l.type} ${l.source} ${l.target}`));
    expect(triples.size).toBe(demo.links.length);
  });

  it('writes every link after both of its endpoints, so a streaming reader can resolve it', () => {
    const seen = new Set<string>();
    const dangling: string[] = [];
    for (const record of demo.records) {
      if (!isLinkRecord(record)) seen.add(record.id);
      else if (!seen.has(record.source) || !seen.has(record.target)) dangling.push(record.id);
    }
    expect(dangling).toEqual([]);
  });

  it('gives every record existing sources, a grade in its scheme and a handling code', () => {
    const sources = new Set(demo.entities.filter((e) => e.type === 'Source').map((e) => e.id));
    expect(sources.size).toBeGreaterThanOrEqual(12);
    const patterns = { europol: /^[ABCX][1-4]$/, uk: /^[1-3][A-E][PC]$/, admiralty: /^[A-F][1-6]$/ };
    const bad = demo.records.filter(
      (r) =>
        r.sources.length === 0 ||
        r.sources.some((s) => !sources.has(s)) ||
        !patterns[r.gradeScheme].test(r.grade) ||
        !/^H[0-3]$/.test(r.handling),
    );
    expect(bad).toEqual([]);
    const schemes = new Set(demo.records.map((r) => r.gradeScheme));
    expect([...schemes].sort()).toEqual(['admiralty', 'europol', 'uk']);
  });

  it('passes the entity and link schemas and the allowed link endpoints', () => {
    const problems: string[] = [];
    for (const record of demo.records) {
      const { kind, type, ...fields } = record;
      if (isLinkRecord(record)) {
        const parsed = LINK_SCHEMAS[type as LinkType].safeParse(fields);
        if (!parsed.success)
          problems.push(
            ...parsed.error.issues.map((i) => `${record.type} ${i.path.join('.')}: ${i.message}`),
          );
        const source = demo.byId.get(record.source)?.type as EntityLabel;
        const target = demo.byId.get(record.target)?.type as EntityLabel;
        const endpoints = checkLinkEndpoints(type as LinkType, source, target);
        if (endpoints) problems.push(`${record.id}: ${endpoints}`);
      } else {
        const own = kind === 'entity' ? {} : { kind };
        const parsed = ENTITY_SCHEMAS[type as EntityLabel].safeParse({ ...fields, ...own });
        if (!parsed.success)
          problems.push(
            ...parsed.error.issues.map((i) => `${record.type} ${i.path.join('.')}: ${i.message}`),
          );
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('gives every person an id and a source reference', () => {
    const people = demo.entities.filter((e) => e.type === 'Person');
    expect(people.filter((p) => typeof p.sourceRef !== 'string' || p.sourceRef === '')).toEqual([]);
  });

  it('never gives a smuggled person a facilitator role, nor lists one as a facilitator', () => {
    const smuggled = demo.entities.filter(
      (e) => e.type === 'Person' && (e.roles as string[] | undefined)?.includes('smuggled person'),
    );
    expect(smuggled.length).toBeGreaterThan(800);
    const mixed = smuggled.filter((p) => (p.roles as string[]).some((role) => FACILITATOR_ROLES.has(role)));
    expect(mixed).toEqual([]);
    expect(smuggled.filter((p) => demo.truth.facilitators[p.id] !== undefined)).toEqual([]);
  });

  it('builds five syndicates on distinct routes, each an Organisation of kind syndicate with leaders', () => {
    expect(demo.truth.syndicates.map((s) => s.key)).toEqual(['cm', 'em', 'wb', 'wa', 'ac']);
    for (const syndicate of demo.truth.syndicates) {
      expect(demo.byId.get(syndicate.organisationId)?.kind).toBe('syndicate');
      expect(syndicate.leaderIds.length).toBeGreaterThan(0);
      for (const leader of syndicate.leaderIds) {
        expect(demo.linksFrom(leader, 'LEADS').map((l) => l.target)).toContain(syndicate.organisationId);
      }
    }
    const legs = demo.truth.syndicates.map((s) =>
      demo
        .linksFrom(s.routeIds[0] ?? '', 'ROUTE_LEG')
        .map((l) => l.target)
        .join('>'),
    );
    expect(new Set(legs).size).toBe(5);
  });

  it('numbers route legs 0, 1, 2 ... in order', () => {
    for (const route of demo.entities.filter((e) => e.type === 'Route')) {
      const orders = demo.linksFrom(route.id, 'ROUTE_LEG').map((l) => l.order);
      expect(orders).toEqual(orders.map((_, i) => i));
    }
  });
});

describe('generateDemoCase at scale 25', () => {
  it('streams about 100,000 records', () => {
    let count = 0;
    let syndicates = 0;
    for (const record of generateDemoCase({ scale: 25 }).records) {
      count += 1;
      if (record.type === 'Organisation' && record.kind === 'syndicate') syndicates += 1;
    }
    expect(count).toBeGreaterThan(85_000);
    expect(count).toBeLessThan(130_000);
    expect(syndicates).toBe(29);
  });

  it('rejects a scale that is not a whole number of at least 1', () => {
    expect(() => generateDemoCase({ scale: 0 })).toThrow(/scale must be a whole number/);
    expect(() => generateDemoCase({ scale: 1.5 })).toThrow(/scale must be a whole number/);
  });
});
