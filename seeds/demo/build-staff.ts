/**
 * A syndicate's facilitators: who they are, where they are based, their phones, passports and
 * adverts, their membership, and the cells they work in (build-cells.ts).
 */
import type { PersonRole } from '../../server/schema/model.ts';
import { buildCells } from './build-cells.ts';
import { type CaseContext, pad } from './context.ts';
import { SOURCES } from './data/sources.ts';
import type { StaffRole } from './data/syndicates.ts';
import { drawBirthDate, drawPerson, fillPattern } from './draw.ts';
import type { Staff, SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

const NICKNAMES = [
  'the Doctor',
  'Haji',
  'the Captain',
  'the Engineer',
  'Chef',
  'Professor',
  'Baba',
  'the Tall One',
];
const MESSENGERS = ['WhatsApp', 'Signal', 'Telegram', 'Viber'];

/** Allocates the next person id of a syndicate (`person:cm:0001`). */
export function nextPersonId(state: SyndicateState): string {
  const id = `person:${state.key}:${pad(state.nextPersonNumber, 4)}`;
  state.nextPersonNumber += 1;
  return id;
}

/** A source-side reference for a person, as the reporting agency numbers it. */
export function sourceRefFor(ctx: CaseContext, state: SyndicateState, id: string): string {
  const source = SOURCES[ctx.rng.pick(state.sources)];
  return `${source.reference}/${id.split(':').pop()}`;
}

function basedIn(state: SyndicateState, role: StaffRole, n: number): string {
  const t = state.template;
  if (role === 'corrupt official') return t.officialPost ?? t.hub;
  if (role === 'safe-house keeper') return t.safeHouses[n % t.safeHouses.length] ?? t.hub;
  if (role === 'boat pilot' || role === 'guide') {
    const route = t.routes[n % t.routes.length];
    return route?.departure ?? t.hub;
  }
  return t.hub;
}

function statusFor(role: StaffRole, n: number): string {
  if (role === 'organiser') return n === 0 ? 'wanted' : 'suspect';
  if (role === 'boat pilot' && n === 0) return 'convicted';
  return 'suspect';
}

/** Emits the facilitators of a syndicate and their own links; fills `state.staff`. */
export function* buildStaff(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const { rng } = ctx;
  const t = state.template;
  const src = state.sources;
  const span = { firstSeen: '2023-01-01', lastSeen: '2025-12-31' };
  for (const [role, count] of Object.entries(t.roles) as [StaffRole, number][]) {
    for (let n = 0; n < count; n++) {
      const drawn = drawPerson(rng, rng.pick(t.staffPools), role === 'online advertiser' ? 0.3 : 0.12);
      const id = nextPersonId(state);
      const member: Staff = { id, name: drawn.name, role, nationality: drawn.nationality };
      state.staff.push(member);
      ctx.truth.facilitators[id] = state.key;
      if (role === 'corrupt official') ctx.truth.corruptOfficials.push(id);
      const senior = role === 'organiser' || role === 'money broker';
      const aliases = senior
        ? [`${rng.pick(NICKNAMES)}`, `${drawn.name.split(' ')[0]} ${drawn.family[0]}.`]
        : undefined;
      const roles: PersonRole[] = role === 'organiser' && n === 0 ? ['organiser', 'recruiter'] : [role];
      yield ctx.entity(
        'Person',
        id,
        drawn.name,
        {
          aliases,
          birthDate: drawBirthDate(rng, 23, 58),
          nationalities: [drawn.nationality],
          gender: drawn.gender,
          roles,
          status: statusFor(role, n),
          sourceRef: sourceRefFor(ctx, state, id),
        },
        ctx.provenance(src, span),
      );
      yield ctx.link('BASED_IN', id, basedIn(state, role, n), {}, ctx.provenance(src));
      if (role === 'organiser') {
        yield ctx.link('LEADS', id, state.organisationId, {}, ctx.provenance(src, span));
      } else if (role !== 'corrupt official') {
        yield ctx.link('MEMBER_OF', id, state.organisationId, { role }, ctx.provenance(src, span));
      }
      yield* emitPhone(ctx, state, member, n);
      yield* emitPassport(ctx, state, member, drawn.name, senior ? aliases?.[1] : undefined);
      if (role === 'online advertiser') yield* emitAdverts(ctx, state, member, n);
    }
  }
  yield* buildCells(ctx, state);
}

function* emitPhone(
  ctx: CaseContext,
  state: SyndicateState,
  member: Staff,
  n: number,
): Generator<DemoRecord> {
  const id = `comm:${member.id.slice('person:'.length)}`;
  const number = state.template.phonePrefix + fillPattern(ctx.rng, 'n7');
  yield ctx.entity(
    'Communication',
    id,
    number,
    { kind: 'phone', identifier: number, platform: MESSENGERS[n % MESSENGERS.length] },
    ctx.provenance(state.sources),
  );
  yield ctx.link('USED', member.id, id, {}, ctx.provenance(state.sources));
}

function* emitPassport(
  ctx: CaseContext,
  state: SyndicateState,
  member: Staff,
  name: string,
  alias: string | undefined,
): Generator<DemoRecord> {
  const { rng } = ctx;
  const genuine = ctx.nextDocumentId();
  const number = fillPattern(rng, 'a1n8');
  yield ctx.entity(
    'Document',
    genuine,
    `Passport ${member.nationality} ${number}`,
    {
      kind: 'passport',
      number,
      issuingCountry: member.nationality,
      holderName: name.toUpperCase(),
      expiry: `${rng.int(2026, 2033)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
      status: 'genuine',
    },
    ctx.provenance(state.sources),
  );
  yield ctx.link('HOLDS', member.id, genuine, {}, ctx.provenance(state.sources));
  if (!alias) return;
  // Senior members travel on a second, fraudulently obtained passport in an alias.
  const second = ctx.nextDocumentId();
  const issuer = rng.pick(state.template.forgedIssuers);
  const secondNumber = fillPattern(rng, 'a2n7');
  yield ctx.entity(
    'Document',
    second,
    `Passport ${issuer} ${secondNumber}`,
    {
      kind: 'passport',
      number: secondNumber,
      issuingCountry: issuer,
      holderName: alias.toUpperCase(),
      expiry: `${rng.int(2027, 2034)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
      status: 'fraudulently obtained',
    },
    ctx.provenance(state.sources),
  );
  yield ctx.link('HOLDS', member.id, second, {}, ctx.provenance(state.sources));
}

function* emitAdverts(
  ctx: CaseContext,
  state: SyndicateState,
  member: Staff,
  n: number,
): Generator<DemoRecord> {
  const t = state.template;
  const platform = t.advertPlatforms[n % t.advertPlatforms.length] ?? 'Facebook';
  const line = t.advertLines[n % t.advertLines.length] ?? 'Safe passage';
  const handle = `${platform.toLowerCase()}:${state.key}_${line.split(/\W+/)[0]?.toLowerCase()}_${pad(n + 1, 2)}`;
  const id = `comm:${state.key}:ad${pad(n + 1, 2)}`;
  const first = `2023-${pad(ctx.rng.int(1, 12), 2)}-01`;
  yield ctx.entity(
    'Communication',
    id,
    `Advert: "${line}"`,
    { kind: 'advert', identifier: handle, platform },
    ctx.provenance(state.sources, { firstSeen: first, lastSeen: '2025-10-31' }),
  );
  yield ctx.link('USED', member.id, id, {}, ctx.provenance(state.sources));
}
