/**
 * A syndicate's means: vessels (some renamed and reflagged), vehicles, front companies and the
 * accounts its money brokers and companies hold.
 */
import { generateIban, generateImo, generateMmsi, generateTronAddress, IBAN_COUNTRIES } from './checksums.ts';
import { type CaseContext, pad } from './context.ts';
import { fillPattern } from './draw.ts';
import { type AccountRef, pickStaff, staffWithRole, type SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

// Call-sign prefixes allocated by the ITU to the flag states the demo uses.
const CALL_SIGN_PREFIX: Record<string, string> = {
  LY: '5A',
  TR: 'TC',
  PL: 'SP',
  MR: '5T',
  SN: '6W',
  CO: 'HK',
};

// Invented banks, one per country, so no real institution is implicated.
const BANKS: Record<string, string> = {
  IT: 'Credito Trinacria',
  AE: 'Gulf Meridian Bank',
  LY: 'Western Coast Commercial Bank',
  TR: 'Ege Katilim Bankasi',
  GR: 'Aegean Cooperative Bank',
  RS: 'Dunavska Komercijalna Banka',
  AT: 'Alpenlaendische Privatbank',
  DE: 'Suedbank Muenchen',
  SN: 'Banque de la Petite Cote',
  ES: 'Banco Atlantico Insular',
  EC: 'Banco Andino del Pacifico',
  PA: 'Banco Canal Interoceanico',
};

/** Emits the vessels of a syndicate, crewed by its pilots and run by an organiser. */
export function* buildVessels(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const { rng } = ctx;
  let n = 0;
  for (const spec of state.template.vessels) {
    const count = spec.count ?? 1;
    for (let i = 0; i < count; i++) {
      n += 1;
      const id = `vessel:${state.key}:${pad(n, 2)}`;
      const name = count > 1 ? `${spec.name} ${state.key.toUpperCase()}-${pad(i + 1, 2)}` : spec.name;
      const sunk = spec.sinks === true && i === 0;
      const prefix = CALL_SIGN_PREFIX[spec.flag];
      yield ctx.entity(
        'Vessel',
        id,
        name,
        {
          imo: spec.imo ? generateImo(rng) : undefined,
          mmsi: spec.mid ? generateMmsi(rng, spec.mid) : undefined,
          callSign: spec.mid && prefix ? prefix + fillPattern(rng, 'a2n1') : undefined,
          flag: spec.flag,
          pastNames: spec.pastNames ? [...spec.pastNames] : undefined,
          pastFlags: spec.pastFlags ? [...spec.pastFlags] : undefined,
          vesselType: spec.vesselType,
          capacity: spec.capacity,
          status: sunk ? 'sunk' : 'suspect',
        },
        ctx.provenance(state.sources),
      );
      if (spec.pastNames?.length) {
        ctx.truth.renamedVessels.push({
          vesselId: id,
          name,
          pastNames: [...spec.pastNames],
          pastFlags: [...(spec.pastFlags ?? [])],
        });
      }
      state.vesselIds.push(id);
      if (sunk) state.shipwreckVesselId = id;
      else if (spec.capacity <= 200 && !spec.imo) state.smallBoatIds.push(id);
      const operator = spec.imo ? pickStaff(state, 'organiser', 0) : pickStaff(state, 'transporter', n);
      yield ctx.link('OPERATES', operator.id, id, {}, ctx.provenance(state.sources));
      yield ctx.link('CREWED', pickStaff(state, 'boat pilot', n).id, id, {}, ctx.provenance(state.sources));
    }
  }
}

/** Emits the vehicles of a syndicate, driven by its transporters. */
export function* buildVehicles(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  for (const [n, spec] of state.template.vehicles.entries()) {
    const id = `vehicle:${state.key}:${pad(n + 1, 2)}`;
    const plate = fillPattern(ctx.rng, spec.plate);
    yield ctx.entity(
      'Vehicle',
      id,
      `${spec.make} ${plate}`,
      { plate, country: spec.country, make: spec.make, status: 'suspect' },
      ctx.provenance(state.sources),
    );
    state.vehicleIds.push(id);
    yield ctx.link('OPERATES', pickStaff(state, 'transporter', n).id, id, {}, ctx.provenance(state.sources));
  }
}

/** Emits an account and the HOLDS_ACCOUNT link from its holder. */
export function* emitAccount(
  ctx: CaseContext,
  state: SyndicateState,
  id: string,
  holder: string,
  kind: AccountRef['kind'],
  country: string,
  institution?: string,
): Generator<DemoRecord, AccountRef> {
  const { rng } = ctx;
  let name: string;
  const properties: Record<string, string> = { kind, country };
  if (kind === 'bank' && IBAN_COUNTRIES.includes(country)) {
    properties.iban = generateIban(rng, country);
    name = `${properties.iban}`;
  } else if (kind === 'crypto') {
    properties.wallet = generateTronAddress(rng);
    name = `USDT (TRC-20) ${properties.wallet}`;
  } else {
    properties.number = kind === 'mobile money' ? `221${fillPattern(rng, '7n8')}` : fillPattern(rng, 'n12');
    name = `${kind} account ${properties.number}`;
  }
  properties.institution = institution ?? BANKS[country] ?? 'Unknown institution';
  yield ctx.entity('Account', id, name, properties, ctx.provenance(state.sources));
  yield ctx.link('HOLDS_ACCOUNT', holder, id, {}, ctx.provenance(state.sources));
  return { id, holder, kind, currency: state.template.fee.currency };
}

/** Emits the front companies (owned by an organiser) and the accounts of companies and brokers. */
export function* buildFinance(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const t = state.template;
  const src = state.sources;
  let accountNo = 0;
  const nextAccount = (): string => `acct:${state.key}:${pad(++accountNo, 3)}`;
  const organisers = staffWithRole(state, 'organiser');
  for (const [n, company] of t.frontCompanies.entries()) {
    const id = `org:${state.key}:fc${n + 1}`;
    yield ctx.entity(
      'Organisation',
      id,
      company.name,
      {
        kind: n === 2 || company.name.includes('Travel') ? 'travel agency' : 'front company',
        country: company.country,
        registrationNumber: fillPattern(ctx.rng, company.registration),
      },
      ctx.provenance(src, { firstSeen: '2022-06-01' }),
    );
    const owner = organisers[n % Math.max(1, organisers.length)] ?? pickStaff(state, 'money broker', 0);
    yield ctx.link('OWNS', owner.id, id, {}, ctx.provenance(src));
    const account = yield* emitAccount(ctx, state, nextAccount(), id, 'bank', company.country);
    state.frontCompanies.push({ id, country: company.country, accountId: account.id });
  }
  const brokers = staffWithRole(state, 'money broker');
  for (const [n, broker] of brokers.entries()) {
    const firm = state.frontCompanies[n % Math.max(1, state.frontCompanies.length)];
    if (firm && n === 0)
      yield ctx.link('EMPLOYED_BY', broker.id, firm.id, { role: 'accountant' }, ctx.provenance(src));
    state.brokerAccounts.push(
      yield* emitAccount(ctx, state, nextAccount(), broker.id, 'hawala', t.country, t.hawalaNetwork),
    );
    const transferKind = t.country === 'SN' ? 'mobile money' : 'money transfer';
    const transferInstitution = t.country === 'SN' ? 'Wave Mobile Money' : t.transferInstitution;
    state.brokerAccounts.push(
      yield* emitAccount(ctx, state, nextAccount(), broker.id, transferKind, t.country, transferInstitution),
    );
    if (n === 0) {
      state.brokerAccounts.push(
        yield* emitAccount(ctx, state, nextAccount(), broker.id, 'bank', t.bankCountry),
      );
      state.brokerAccounts.push(
        yield* emitAccount(ctx, state, nextAccount(), broker.id, 'crypto', t.country, 'Tron network (USDT)'),
      );
    }
  }
}
