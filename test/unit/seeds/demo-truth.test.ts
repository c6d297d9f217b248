import { describe, expect, it } from 'vitest';
import { isValidIban, isValidImo } from '../../../seeds/demo/checksums.ts';
import { loadDemoCase } from './demo-fixture.ts';

const demo = loadDemoCase();
const { truth } = demo;

/** The payer -> payee pairs of some payments, read from the PAID and RECEIVED links. */
function flows(paymentIds: string[]): [string, string][] {
  return paymentIds.map((id) => {
    const payer = demo.linksTo(id, 'PAID')[0]?.source ?? '';
    const payee = demo.linksFrom(id, 'RECEIVED')[0]?.target ?? '';
    return [payer, payee];
  });
}

describe('the ground truth of the demo case', () => {
  it('plants every typology kind, with payments that exist and join only the listed parties', () => {
    const kinds = truth.typologies.map((t) => t.kind).sort();
    expect(kinds).toEqual([
      'cycle',
      'fan-in',
      'fan-out',
      'hawala-offsetting',
      'pass-through',
      'stack',
      'structuring',
    ]);
    for (const typology of truth.typologies) {
      for (const [payer, payee] of flows(typology.payments)) {
        expect(typology.parties).toContain(payer);
        expect(typology.parties).toContain(payee);
      }
    }
  });

  it('makes the cycle a closed loop: every party pays once and is paid once', () => {
    const cycle = truth.typologies.find((t) => t.kind === 'cycle');
    const next = new Map(flows(cycle?.payments ?? []));
    expect(next.size).toBe(cycle?.parties.length);
    let at = cycle?.parties[0] ?? '';
    const visited: string[] = [];
    for (let i = 0; i < next.size; i++) {
      visited.push(at);
      at = next.get(at) ?? '';
    }
    expect(at).toBe(cycle?.parties[0]);
    expect(new Set(visited).size).toBe(next.size);
  });

  it('keeps structured deposits just under 10,000 EUR, and hawala flows running both ways', () => {
    const structuring = truth.typologies.find((t) => t.kind === 'structuring');
    const amounts = (structuring?.payments ?? []).map((id) => demo.byId.get(id));
    expect(amounts.length).toBeGreaterThanOrEqual(5);
    for (const payment of amounts) {
      expect(payment?.currency).toBe('EUR');
      expect(payment?.amount).toBeGreaterThanOrEqual(9000);
      expect(payment?.amount).toBeLessThan(10_000);
    }
    const hawala = truth.typologies.find((t) => t.kind === 'hawala-offsetting');
    const directions = new Set(flows(hawala?.payments ?? []).map(([a, b]) => `${a}>${b}`));
    expect(directions.size).toBe(2);
  });

  it('lists reused documents held or used by several people', () => {
    expect(truth.reusedDocuments.length).toBeGreaterThanOrEqual(5);
    for (const { documentId, users } of truth.reusedDocuments) {
      expect(users.length).toBeGreaterThanOrEqual(2);
      const linked = [...demo.linksTo(documentId, 'USED'), ...demo.linksTo(documentId, 'HOLDS')].map(
        (l) => l.source,
      );
      expect(new Set(linked)).toEqual(new Set(users));
    }
  });

  it('connects the terrorism broker through payments to an organisation involved in a terrorism offence', () => {
    const { brokerId, organisationId, offenceId, paymentIds } = truth.terrorism;
    expect(demo.byId.get(brokerId)?.roles).toContain('money broker');
    expect(paymentIds.length).toBeGreaterThan(0);
    for (const [payer, payee] of flows(paymentIds))
      expect([payer, payee]).toEqual([brokerId, organisationId]);
    expect(demo.linksFrom(organisationId, 'INVOLVED_IN').map((l) => l.target)).toContain(offenceId);
    expect(demo.byId.get(offenceId)?.category).toBe('terrorism');
    const brokersPaying = demo.links.filter((l) => l.type === 'RECEIVED' && l.target === organisationId);
    expect(brokersPaying.length).toBe(paymentIds.length);
  });

  it('names as busiest hotspot the location with most crossing events', () => {
    const counts = new Map<string, number>();
    for (const event of demo.entities.filter((e) => e.type === 'Event' && e.kind === 'crossing')) {
      for (const link of demo.linksFrom(event.id, 'LOCATED_IN'))
        counts.set(link.target, (counts.get(link.target) ?? 0) + 1);
    }
    const top = Math.max(...counts.values());
    expect(counts.get(truth.busiestHotspot)).toBe(top);
    expect(truth.busiestHotspot).toBe('loc:lampedusa');
  });

  it('restricts one entity to the Guardia di Finanza under H3, tied to a syndicate member', () => {
    const restricted = demo.byId.get(truth.restrictedEntityId);
    expect(restricted?.handling).toBe('H3');
    expect(restricted?.handlingCondition).toBeTruthy();
    expect(restricted?.restrictedTo).toEqual(['Guardia di Finanza']);
    const holders = demo.linksTo(truth.restrictedEntityId, 'HOLDS_ACCOUNT').map((l) => l.source);
    expect(holders.every((id) => truth.facilitators[id] === 'cm')).toBe(true);
    expect(demo.records.filter((r) => r.handling === 'H3').every((r) => r.restrictedTo?.length === 1)).toBe(
      true,
    );
  });

  it('makes shared facilitators members of both their syndicates', () => {
    expect(truth.sharedFacilitators.length).toBeGreaterThanOrEqual(2);
    const orgOf = new Map(truth.syndicates.map((s) => [s.key, s.organisationId]));
    for (const { personId, syndicates } of truth.sharedFacilitators) {
      const orgs = [...demo.linksFrom(personId, 'MEMBER_OF'), ...demo.linksFrom(personId, 'LEADS')].map(
        (l) => l.target,
      );
      for (const key of syndicates) expect(orgs).toContain(orgOf.get(key));
    }
  });

  it('records renamed and reflagged vessels with valid IMO numbers and nine-digit MMSIs', () => {
    expect(truth.renamedVessels.length).toBeGreaterThanOrEqual(2);
    for (const { vesselId, pastNames } of truth.renamedVessels) {
      expect(demo.byId.get(vesselId)?.pastNames).toEqual(pastNames);
    }
    const vessels = demo.entities.filter((e) => e.type === 'Vessel');
    expect(vessels.filter((v) => v.imo !== undefined && !isValidImo(String(v.imo)))).toEqual([]);
    expect(vessels.filter((v) => v.mmsi !== undefined && !/^\d{9}$/.test(String(v.mmsi)))).toEqual([]);
  });

  it('gives bank accounts IBANs with valid check digits', () => {
    const ibans = demo.entities.filter((e) => typeof e.iban === 'string').map((e) => String(e.iban));
    expect(ibans.length).toBeGreaterThan(10);
    expect(ibans.filter((iban) => !isValidIban(iban))).toEqual([]);
  });

  it('lets routes appear, fade and shift between 2024 and 2025, as the crossings show', () => {
    const { appears, fades, shifts } = truth.routeDynamics;
    expect(appears.length).toBeGreaterThan(0);
    expect(fades.length).toBeGreaterThan(0);
    expect(shifts.length).toBeGreaterThan(0);
    const yearsOn = (routeId: string) =>
      new Set(demo.linksTo(routeId, 'TRAVELLED').map((l) => String(l.date).slice(0, 4)));
    for (const id of appears) expect([...yearsOn(id)]).toEqual(['2025']);
    for (const id of fades) expect(yearsOn(id).has('2025')).toBe(false);
    for (const shift of shifts) {
      expect(yearsOn(shift.fromRouteId).has('2025')).toBe(false);
      expect(yearsOn(shift.toRouteId).has('2024')).toBe(false);
    }
  });

  it('records a shipwreck with deaths, and offences across the crime taxonomy', () => {
    const wrecks = demo.entities.filter((e) => e.type === 'Event' && e.kind === 'shipwreck');
    expect(wrecks.length).toBeGreaterThan(0);
    expect(Number(wrecks[0]?.deaths)).toBeGreaterThan(0);
    const categories = new Set(demo.entities.filter((e) => e.type === 'Offence').map((e) => e.category));
    for (const category of [
      'migrant smuggling',
      'money laundering',
      'document fraud',
      'corruption',
      'drug trafficking',
      'terrorism',
    ]) {
      expect(categories).toContain(category);
    }
    expect(truth.corruptOfficials.length).toBeGreaterThan(0);
  });

  it('plants every facilitator in exactly one cell of three to five people inside its own syndicate', () => {
    const seen = new Map<string, string>();
    for (const cell of truth.cells) {
      if (cell.kind !== 'leadership') expect(cell.members.length).toBeGreaterThanOrEqual(2);
      expect(cell.members.length).toBeLessThanOrEqual(5);
      for (const id of cell.members) {
        expect(seen.has(id), `${id} is in two cells`).toBe(false);
        seen.set(id, cell.key);
        expect(truth.facilitators[id]).toBe(cell.syndicate);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(truth.facilitators).sort());
    expect(new Set(truth.cells.map((c) => c.syndicate))).toEqual(new Set(['cm', 'em', 'wb', 'wa', 'ac']));
  });

  it('links each working cell densely inside and sparsely to the other working cells', () => {
    const working = truth.cells.filter((c) => c.kind !== 'leadership');
    const cellOf = new Map(working.flatMap((c) => c.members.map((id) => [id, c.key] as const)));
    let inside = 0;
    let between = 0;
    for (const link of demo.links) {
      if (link.type !== 'CONTACTED') continue;
      const a = cellOf.get(link.source);
      const b = cellOf.get(link.target);
      if (!a || !b || truth.facilitators[link.source] !== truth.facilitators[link.target]) continue;
      if (a === b) inside += Number(link.weight);
      else between += Number(link.weight);
    }
    expect(inside).toBeGreaterThan(5 * between);
  });
});
