/**
 * Crossings, interceptions and the shipwreck on a syndicate's routes, with the smuggled persons the
 * reports identify on board: their travel, documents and fees, and the payouts to the crew.
 */
import { type CaseContext, pad } from './context.ts';
import { PLACES } from './data/places.ts';
import type { RouteSpec } from './data/syndicates.ts';
import { addDays, drawAmount, drawBirthDate, drawPerson } from './draw.ts';
import { emitReusedDocuments, emitPassengerDocuments, type ReusedDocument } from './build-documents.ts';
import { emitFees } from './build-fees.ts';
import { emitPayment } from './build-money.ts';
import { nextPersonId, sourceRefFor } from './build-staff.ts';
import { brokerAccountsOfKind, pickStaff, staffWithRole, type SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

// What the crew is paid per crossing, in the syndicate's payout currency: [min, max, rounding].
const PAYOUTS: Record<string, [number, number, number]> = {
  LYD: [3000, 9000, 100],
  TRY: [25_000, 90_000, 500],
  EUR: [800, 2500, 50],
  XOF: [400_000, 1_500_000, 5000],
  USD: [1000, 3500, 50],
};

const placeName = (id: string): string => PLACES.find((p) => p.id === id)?.name ?? id;

interface Crossing {
  id: string;
  kind: 'crossing' | 'interception' | 'shipwreck';
  date: string;
  route: RouteSpec;
  routeId: string;
  crew: string;
}

/** Emits every crossing of a syndicate with its passengers; `volume` multiplies the crossings. */
export function* buildCrossings(ctx: CaseContext, state: SyndicateState, volume = 1): Generator<DemoRecord> {
  const t = state.template;
  const reused = yield* emitReusedDocuments(ctx, state);
  const total = Math.round(t.crossings * volume);
  let eventNo = 0;
  let shipwreckDone = !state.shipwreckVesselId;
  const counts = t.routes.map((route) => Math.round(total * route.share));
  counts[counts.length - 1] = total - counts.slice(0, -1).reduce((a, b) => a + b, 0);
  for (const [r, route] of t.routes.entries()) {
    const count = counts[r] ?? 0;
    const dates = spreadDates(ctx, route, count);
    for (const [n, date] of dates.entries()) {
      eventNo += 1;
      const shipwreck = !shipwreckDone && r === 0 && n === 3;
      if (shipwreck) shipwreckDone = true;
      const kind = shipwreck ? 'shipwreck' : ctx.rng.chance(0.14) ? 'interception' : 'crossing';
      const crossing: Crossing = {
        id: `event:${state.key}:${pad(eventNo, 4)}`,
        kind,
        date,
        route,
        routeId: state.routeIds[r] ?? '',
        crew: crewFor(state, route, n).id,
      };
      yield* emitCrossing(ctx, state, crossing, n);
      yield* emitPassengers(ctx, state, crossing, reused);
      if (kind === 'interception') {
        eventNo += 1;
        yield* emitArrest(ctx, state, crossing, `event:${state.key}:${pad(eventNo, 4)}`);
      } else {
        yield* emitPayouts(ctx, state, crossing, n);
      }
    }
  }
  for (const doc of reused) {
    if (doc.users.length >= 2) ctx.truth.reusedDocuments.push({ documentId: doc.id, users: doc.users });
  }
}

// One date in each of `count` equal slices of the route's window: a route runs all through its
// window (a quiet year would read as a fading route), at dates that still vary with the seed.
function spreadDates(ctx: CaseContext, route: RouteSpec, count: number): string[] {
  const span = (Date.parse(route.to) - Date.parse(route.from)) / 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const first = Math.floor((span * i) / count);
    const last = Math.max(first, Math.floor((span * (i + 1)) / count) - 1);
    return addDays(route.from, ctx.rng.int(first, last));
  });
}

function conveyance(route: RouteSpec): 'boat' | 'vehicle' | 'foot' {
  return route.by ?? (route.mode === 'land' ? 'vehicle' : 'boat');
}

function crewFor(state: SyndicateState, route: RouteSpec, n: number) {
  return conveyance(route) === 'boat' ? pickStaff(state, 'boat pilot', n) : pickStaff(state, 'guide', n);
}

function* emitCrossing(
  ctx: CaseContext,
  state: SyndicateState,
  c: Crossing,
  n: number,
): Generator<DemoRecord> {
  const { rng } = ctx;
  const t = state.template;
  const aboard = rng.int(t.aboard[0], t.aboard[1]);
  const deaths = c.kind === 'shipwreck' ? rng.int(25, Math.min(60, aboard - 5)) : 0;
  const label = { crossing: 'Crossing', interception: 'Interception', shipwreck: 'Shipwreck' }[c.kind];
  const place = c.kind === 'crossing' ? c.route.arrival : c.route.interception;
  const dated = { firstSeen: c.date, lastSeen: c.date };
  yield ctx.entity(
    'Event',
    c.id,
    `${label} ${placeName(c.route.departure)} - ${placeName(c.route.arrival)}, ${c.date}`,
    { kind: c.kind, date: c.date, deaths, persons: aboard },
    ctx.provenance(state.sources, dated),
  );
  yield ctx.link('LOCATED_IN', c.id, place, {}, ctx.provenance(state.sources));
  if (c.kind === 'crossing') ctx.truth.countCrossing(place);
  yield ctx.link('INVOLVED_IN', c.crew, c.id, { date: c.date }, ctx.provenance(state.sources, dated));
  const how = conveyance(c.route);
  if (how === 'boat' && state.vesselIds.length > 0) {
    const boat =
      c.kind === 'shipwreck' && state.shipwreckVesselId
        ? state.shipwreckVesselId
        : rng.pick(state.smallBoatIds.length > 0 ? state.smallBoatIds : state.vesselIds);
    yield ctx.link('INVOLVED_IN', boat, c.id, { date: c.date }, ctx.provenance(state.sources, dated));
  } else if (how === 'vehicle' && state.vehicleIds.length > 0) {
    const vehicle = state.vehicleIds[n % state.vehicleIds.length] as string;
    yield ctx.link('INVOLVED_IN', vehicle, c.id, { date: c.date }, ctx.provenance(state.sources, dated));
    const driver = pickStaff(state, 'transporter', n).id;
    yield ctx.link('INVOLVED_IN', driver, c.id, { date: c.date }, ctx.provenance(state.sources, dated));
  }
}

function* emitPassengers(
  ctx: CaseContext,
  state: SyndicateState,
  c: Crossing,
  reused: ReusedDocument[],
): Generator<DemoRecord> {
  const { rng } = ctx;
  const t = state.template;
  const count = rng.int(t.identified[0], t.identified[1]);
  const adverts = staffWithRole(state, 'online advertiser').length;
  const dated = { firstSeen: c.date, lastSeen: c.date };
  for (let i = 0; i < count; i++) {
    const poolKey = rng.pick(t.migrantPools);
    const drawn = drawPerson(rng, poolKey, 0.25);
    const id = nextPersonId(state);
    state.smuggled.push(id);
    const fate = c.kind === 'shipwreck' ? rng.pick(['deceased', 'missing', undefined] as const) : undefined;
    yield ctx.entity(
      'Person',
      id,
      drawn.name,
      {
        birthDate: drawBirthDate(rng, 16, 52),
        nationalities: [drawn.nationality],
        gender: drawn.gender,
        roles: ['smuggled person'],
        status: fate,
        sourceRef: sourceRefFor(ctx, state, id),
      },
      ctx.provenance(state.sources, dated),
    );
    yield ctx.link('TRAVELLED', id, c.routeId, { date: c.date }, ctx.provenance(state.sources, dated));
    yield ctx.link('TRAVELLED', id, c.id, { date: c.date }, ctx.provenance(state.sources, dated));
    const recruiter = pickStaff(state, 'recruiter', rng.int(0, 9)).id;
    yield ctx.link(
      'SMUGGLED',
      recruiter,
      id,
      { date: addDays(c.date, -rng.int(20, 90)) },
      ctx.provenance(state.sources),
    );
    if (rng.chance(0.3)) {
      yield ctx.link('CONTACTED', recruiter, id, { weight: rng.int(1, 12) }, ctx.provenance(state.sources));
    }
    if (c.crew !== recruiter)
      yield ctx.link('SMUGGLED', c.crew, id, { date: c.date }, ctx.provenance(state.sources, dated));
    if (adverts > 0 && rng.chance(0.15)) {
      const advert = `comm:${state.key}:ad${pad(rng.int(1, adverts), 2)}`;
      yield ctx.link('USED', id, advert, {}, ctx.provenance(state.sources));
    }
    yield* emitPassengerDocuments(
      ctx,
      state,
      { id, name: drawn.name, nationality: drawn.nationality },
      reused,
    );
    const passenger = { id, name: drawn.name, family: drawn.family, nationality: drawn.nationality, poolKey };
    yield* emitFees(ctx, state, passenger, c.date);
  }
}

function* emitArrest(
  ctx: CaseContext,
  state: SyndicateState,
  c: Crossing,
  id: string,
): Generator<DemoRecord> {
  const dated = { firstSeen: c.date, lastSeen: c.date };
  yield ctx.entity(
    'Event',
    id,
    `Arrest after interception near ${placeName(c.route.interception)}, ${c.date}`,
    { kind: 'arrest', date: c.date, persons: 1 },
    ctx.provenance(state.sources, dated),
  );
  yield ctx.link('LOCATED_IN', id, c.route.interception, {}, ctx.provenance(state.sources));
  yield ctx.link('INVOLVED_IN', c.crew, id, { date: c.date }, ctx.provenance(state.sources, dated));
}

function* emitPayouts(
  ctx: CaseContext,
  state: SyndicateState,
  c: Crossing,
  n: number,
): Generator<DemoRecord> {
  const t = state.template;
  const [min, max, step] = PAYOUTS[t.payoutCurrency] ?? [1000, 3000, 50];
  const account = brokerAccountsOfKind(state, 'hawala')[
    n % Math.max(1, brokerAccountsOfKind(state, 'hawala').length)
  ];
  if (!account) return;
  yield* emitPayment(ctx, {
    payer: account.id,
    payee: c.crew,
    amount: drawAmount(ctx.rng, min, max, step),
    currency: t.payoutCurrency,
    date: addDays(c.date, ctx.rng.int(1, 5)),
    method: t.payoutCurrency === 'LYD' || t.payoutCurrency === 'XOF' ? 'cash' : 'hawala',
    purpose: 'payment to crew',
    sources: state.sources,
  });
  if (n % 3 === 0) {
    const keeper = pickStaff(state, 'safe-house keeper', n);
    yield* emitPayment(ctx, {
      payer: account.id,
      payee: keeper.id,
      amount: drawAmount(ctx.rng, min / 2, max / 2, step),
      currency: t.payoutCurrency,
      date: addDays(c.date, -ctx.rng.int(3, 12)),
      method: 'cash',
      purpose: 'safe-house upkeep',
      sources: state.sources,
    });
  }
}
