/**
 * The fees a smuggled person pays, directly or through a relative abroad: cash to a recruiter,
 * hawala or money transfer to a broker, wire to a front company, or crypto, in one or two instalments.
 */
import type { CaseContext } from './context.ts';
import { NAME_POOLS, type NamePoolKey } from './data/names.ts';
import { addDays, drawAmount } from './draw.ts';
import { emitPayment, type PaymentMethod } from './build-money.ts';
import { nextPersonId, sourceRefFor } from './build-staff.ts';
import { type AccountRef, brokerAccountsOfKind, pickStaff, type SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

const RELATIONS = ['brother', 'sister', 'cousin', 'uncle', 'father', 'mother', 'husband', 'wife'];
const FEMALE_RELATIONS = new Set(['sister', 'mother', 'wife']);

/** The smuggled person whose fee is being paid. */
export interface Passenger {
  id: string;
  name: string;
  family: string;
  nationality: string;
  poolKey: NamePoolKey;
}

function accountOf(
  ctx: CaseContext,
  state: SyndicateState,
  kinds: AccountRef['kind'][],
): AccountRef | undefined {
  for (const kind of kinds) {
    const accounts = brokerAccountsOfKind(state, kind);
    if (accounts.length > 0) return ctx.rng.pick(accounts);
  }
  return undefined;
}

function* emitRelative(
  ctx: CaseContext,
  state: SyndicateState,
  passenger: Passenger,
): Generator<DemoRecord, string> {
  const { rng } = ctx;
  const relation = rng.pick(RELATIONS);
  const id = nextPersonId(state);
  const residence = rng.pick(state.template.relativeCountries);
  const female = FEMALE_RELATIONS.has(relation);
  const pool = NAME_POOLS[passenger.poolKey];
  yield ctx.entity(
    'Person',
    id,
    `${rng.pick(female ? pool.female : pool.male)} ${passenger.family}`,
    {
      nationalities: [passenger.nationality],
      gender: female ? 'female' : 'male',
      countryOfResidence: residence,
      notes: `Relative (${relation}) of a smuggled person; paid the fee from ${residence}`,
      sourceRef: sourceRefFor(ctx, state, id),
    },
    ctx.provenance(state.sources),
  );
  yield ctx.link('FAMILY_OF', id, passenger.id, { role: relation }, ctx.provenance(state.sources));
  return id;
}

/** Emits the fee payments for one passenger, before the crossing date. */
export function* emitFees(
  ctx: CaseContext,
  state: SyndicateState,
  passenger: Passenger,
  crossingDate: string,
): Generator<DemoRecord> {
  const { rng } = ctx;
  const t = state.template;
  const byRelative = rng.chance(0.28);
  const payer = byRelative ? yield* emitRelative(ctx, state, passenger) : passenger.id;
  state.payers.push(payer);
  const total = drawAmount(rng, t.fee.min, t.fee.max, t.fee.step);
  const parts = rng.chance(0.35)
    ? [
        { share: 0.3, purpose: 'smuggling fee (deposit)', before: rng.int(25, 60) },
        { share: 0.7, purpose: 'smuggling fee (balance)', before: rng.int(1, 10) },
      ]
    : [{ share: 1, purpose: 'smuggling fee', before: rng.int(5, 40) }];
  for (const part of parts) {
    const amount = Math.max(t.fee.step, Math.round((total * part.share) / t.fee.step) * t.fee.step);
    let method: PaymentMethod;
    let payee: string;
    const roll = rng.next();
    const wire = state.frontCompanies[0];
    const hawala = accountOf(ctx, state, ['hawala']);
    const transfer = accountOf(ctx, state, ['money transfer', 'mobile money']);
    const crypto = accountOf(ctx, state, ['crypto']);
    if (byRelative && hawala && roll < 0.6) {
      method = 'hawala';
      payee = hawala.id;
    } else if (!byRelative && roll < 0.4) {
      method = 'cash';
      payee = pickStaff(state, 'recruiter', rng.int(0, 9)).id;
    } else if (crypto && roll > 0.95) {
      method = 'crypto';
      payee = crypto.id;
    } else if (wire && t.key === 'ac' && roll > 0.8) {
      method = 'wire';
      payee = wire.accountId;
    } else if (transfer) {
      method = 'money transfer';
      payee = transfer.id;
    } else {
      method = 'cash';
      payee = pickStaff(state, 'money broker', 0).id;
    }
    yield* emitPayment(ctx, {
      payer,
      payee,
      amount,
      currency: t.fee.currency,
      date: addDays(crossingDate, -part.before),
      method,
      purpose: part.purpose,
      sources: state.sources,
    });
  }
}
