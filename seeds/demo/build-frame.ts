/**
 * A syndicate's frame: its Organisation, the offences it is suspected of and the routes it runs,
 * emitted before its people so that every link points back to something already written.
 */
import type { CrimeCategory } from '../../server/schema/model.ts';
import type { CaseContext } from './context.ts';
import type { SyndicateTemplate } from './data/syndicates.ts';
import type { SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

// Legal bases an analyst would cite for each category (EU and UN instruments).
const LEGAL_REFERENCES: Record<CrimeCategory, string> = {
  'migrant smuggling': 'Directive 2002/90/EC; UN Smuggling of Migrants Protocol, Art. 6',
  'trafficking in human beings': 'Directive 2011/36/EU, Art. 2',
  'money laundering': 'Directive (EU) 2018/1673, Art. 3',
  terrorism: 'Directive (EU) 2017/541, Art. 11 (terrorist financing)',
  'drug trafficking': 'UN Convention against Illicit Traffic in Narcotic Drugs 1988, Art. 3',
  'document fraud': 'UN Smuggling of Migrants Protocol, Art. 6(1)(b)',
  corruption: 'UN Convention against Corruption, Art. 15',
  firearms: 'UN Firearms Protocol, Art. 5',
  cybercrime: 'Budapest Convention on Cybercrime',
  'child exploitation': 'Directive 2011/93/EU',
  violence: 'National criminal code (bodily harm, unlawful detention)',
};

/** The slug of a crime category, for ids ("migrant smuggling" -> "migrant-smuggling"). */
export function categorySlug(category: CrimeCategory): string {
  return category.replace(/\s+/g, '-');
}

/** Emits an Offence of a category with its legal reference. */
export function offenceRecord(
  ctx: CaseContext,
  id: string,
  name: string,
  category: CrimeCategory,
  date: string,
  sources: SyndicateState['sources'],
): DemoRecord {
  return ctx.entity(
    'Offence',
    id,
    name,
    { category, date, legalReference: LEGAL_REFERENCES[category] },
    ctx.provenance(sources, { firstSeen: date }),
  );
}

/** Emits the Organisation, offences and routes of a syndicate and records its routes' dynamics. */
export function* buildFrame(
  ctx: CaseContext,
  template: SyndicateTemplate,
  key: string,
  label: string,
): Generator<DemoRecord, SyndicateState> {
  const sources = template.sources;
  const state: SyndicateState = {
    key,
    template,
    organisationId: `org:${key}`,
    sources,
    staff: [],
    offences: {},
    routeIds: [],
    vesselIds: [],
    smallBoatIds: [],
    vehicleIds: [],
    frontCompanies: [],
    brokerAccounts: [],
    payers: [],
    smuggled: [],
    nextPersonNumber: 1,
  };
  const span = { firstSeen: '2023-01-01', lastSeen: '2025-12-31' };
  yield ctx.entity(
    'Organisation',
    state.organisationId,
    label,
    { kind: 'syndicate', country: template.country, notes: `${template.region} smuggling syndicate` },
    ctx.provenance(sources, span),
  );
  for (const category of template.offences) {
    const id = `off:${key}:${categorySlug(category)}`;
    state.offences[category] = id;
    const date = category === 'migrant smuggling' ? '2023-02-01' : '2024-03-01';
    yield offenceRecord(
      ctx,
      id,
      `${category[0]?.toUpperCase()}${category.slice(1)} - ${label}`,
      category,
      date,
      sources,
    );
    yield ctx.link('INVOLVED_IN', state.organisationId, id, {}, ctx.provenance(sources, span));
  }
  for (const route of template.routes) {
    const id = `route:${key}:${route.suffix}`;
    state.routeIds.push(id);
    yield ctx.entity(
      'Route',
      id,
      route.name,
      {
        mode: route.mode,
        priceMin: template.fee.min,
        priceMax: template.fee.max,
        currency: template.fee.currency,
      },
      ctx.provenance(sources, { firstSeen: route.from, lastSeen: route.to }),
    );
    for (const [order, locationId] of route.legs.entries()) {
      yield ctx.link('ROUTE_LEG', id, locationId, { order }, ctx.provenance(sources));
    }
    noteDynamics(ctx, template, key, route.suffix, id);
  }
  return state;
}

function noteDynamics(
  ctx: CaseContext,
  template: SyndicateTemplate,
  key: string,
  suffix: string,
  id: string,
): void {
  const route = template.routes.find((r) => r.suffix === suffix);
  const dynamics = ctx.truth.routeDynamics;
  if (route?.dynamics === 'appears') dynamics.appears.push(id);
  if (route?.dynamics === 'fades') dynamics.fades.push(id);
  if (route?.dynamics === 'shift-to') {
    const from = template.routes.find((r) => r.dynamics === 'shift-from');
    if (!from) return;
    dynamics.shifts.push({
      syndicate: key,
      fromRouteId: `route:${key}:${from.suffix}`,
      toRouteId: id,
      fromLocationId: from.departure,
      toLocationId: route.departure,
    });
  }
}
