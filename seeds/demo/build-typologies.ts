/**
 * The laundering patterns planted in the money: a cycle through front companies, a fan-in of fees,
 * a fan-out of wages, a layered stack, structured cash deposits and a pass-through account.
 * Shapes follow the typologies of Altman et al. (2023), "Realistic Synthetic Financial Transactions
 * for Anti-Money Laundering Models" (AMLworld).
 */
import type { CaseContext } from './context.ts';
import { addDays, drawAmount } from './draw.ts';
import { emitPayment, type PaymentSpec } from './build-money.ts';
import { brokerAccountsOfKind, staffWithRole, type SyndicateState } from './state.ts';
import type { DemoRecord, PlantedTypology, TypologyKind } from './types.ts';

/** The base syndicates by key, as the typologies need them. */
export type BaseStates = Record<'cm' | 'em' | 'wb' | 'wa' | 'ac', SyndicateState>;

function* plant(
  ctx: CaseContext,
  kind: TypologyKind,
  parties: string[],
  specs: Omit<PaymentSpec, 'sources'>[],
  state: SyndicateState,
  notes: string,
): Generator<DemoRecord> {
  const payments: string[] = [];
  for (const spec of specs)
    payments.push(yield* emitPayment(ctx, { ...spec, sources: ['europolFin', ...state.sources] }));
  const typology: PlantedTypology = { kind, parties, payments, notes };
  ctx.truth.typologies.push(typology);
}

function accountOf(state: SyndicateState, n: number): string {
  const firm = state.frontCompanies[n];
  if (!firm) throw new Error(`seeds/demo: syndicate ${state.key} has no front company ${n + 1}`);
  return firm.accountId;
}

function brokerAccount(state: SyndicateState, kind: 'bank' | 'crypto' | 'money transfer'): string {
  const account = brokerAccountsOfKind(state, kind)[0];
  if (!account) throw new Error(`seeds/demo: syndicate ${state.key} has no ${kind} account`);
  return account.id;
}

/** Emits every planted typology and records it in the ground truth. */
export function* buildTypologies(ctx: CaseContext, base: BaseStates): Generator<DemoRecord> {
  const { rng } = ctx;
  const wire = { method: 'wire' as const, currency: 'EUR' };
  // Cycle: Italy -> UAE -> Libya -> Italy, each leg a little smaller (fees skimmed on the way).
  const cycle = [accountOf(base.cm, 0), accountOf(base.cm, 1), accountOf(base.cm, 2)];
  yield* plant(
    ctx,
    'cycle',
    cycle,
    [
      {
        ...wire,
        payer: cycle[0]!,
        payee: cycle[1]!,
        amount: 48_500,
        date: '2024-03-04',
        purpose: 'invoice: frozen fish',
      },
      {
        ...wire,
        payer: cycle[1]!,
        payee: cycle[2]!,
        amount: 47_250,
        date: '2024-03-11',
        purpose: 'invoice: marine engines',
      },
      {
        ...wire,
        payer: cycle[2]!,
        payee: cycle[0]!,
        amount: 46_100,
        date: '2024-03-19',
        purpose: 'refund of advance',
      },
    ],
    base.cm,
    'Round trip through three front companies of the Central Mediterranean syndicate',
  );

  // Fan-in: a burst of fees from twelve payers into one money-transfer account within ten days.
  const collector =
    brokerAccountsOfKind(base.em, 'money transfer')[1]?.id ?? brokerAccount(base.em, 'money transfer');
  const payers = [...new Set(base.em.payers)].filter((_, i) => i % 7 === 3).slice(0, 12);
  yield* plant(
    ctx,
    'fan-in',
    [...payers, collector],
    payers.map((payer, i) => ({
      payer,
      payee: collector,
      amount: drawAmount(rng, 1800, 3000, 50),
      currency: 'EUR',
      date: addDays('2024-08-01', i % 10),
      method: 'money transfer' as const,
      purpose: 'smuggling fee',
    })),
    base.em,
    'Fees converging on one collector account of the Aegean syndicate',
  );

  // Fan-out: one bank account pays eight drivers and guides on the same day.
  const payroll = brokerAccount(base.wb, 'bank');
  const crew = [...staffWithRole(base.wb, 'guide'), ...staffWithRole(base.wb, 'transporter')]
    .slice(0, 8)
    .map((m) => m.id);
  yield* plant(
    ctx,
    'fan-out',
    [payroll, ...crew],
    crew.map((payee) => ({
      payer: payroll,
      payee,
      amount: drawAmount(rng, 900, 1800, 50),
      currency: 'EUR',
      date: '2024-05-17',
      method: 'money transfer' as const,
      purpose: 'wages for transport runs',
    })),
    base.wb,
    'One account paying the Balkan crew in a single day',
  );

  // Stack: two origins layered through two companies into one destination, one layer per day.
  const origins = [brokerAccount(base.ac, 'bank'), brokerAccount(base.ac, 'crypto')];
  const middle = [accountOf(base.ac, 0), accountOf(base.ac, 1)];
  const sink = accountOf(base.ac, 2);
  const layered: Omit<PaymentSpec, 'sources'>[] = [];
  for (const [i, from] of origins.entries()) {
    for (const [j, to] of middle.entries()) {
      layered.push({
        payer: from,
        payee: to,
        amount: 31_000 - 700 * (i + j),
        currency: 'USD',
        date: `2024-09-0${2 + i}`,
        method: i === 1 ? 'crypto' : 'wire',
        purpose: 'consulting services',
      });
    }
  }
  for (const [j, from] of middle.entries()) {
    layered.push({
      payer: from,
      payee: sink,
      amount: 59_400 - 900 * j,
      currency: 'USD',
      date: '2024-09-05',
      method: 'wire',
      purpose: 'tour package prepayment',
    });
  }
  yield* plant(
    ctx,
    'stack',
    [...origins, ...middle, sink],
    layered,
    base.ac,
    'Layered transfers: two origins, two intermediaries, one destination',
  );

  // Structuring: cash deposits kept just under the 10,000 EUR reporting threshold.
  const depositor = staffWithRole(base.wa, 'money broker')[0]?.id ?? '';
  const target = accountOf(base.wa, 1);
  const deposits = Array.from({ length: 7 }, (_, i) => ({
    payer: depositor,
    payee: target,
    amount: rng.int(9100, 9950),
    currency: 'EUR',
    date: addDays('2024-10-07', i * 2),
    method: 'cash' as const,
    purpose: 'cash deposit',
  }));
  yield* plant(
    ctx,
    'structuring',
    [depositor, target],
    deposits,
    base.wa,
    'Seven cash deposits of 9,100-9,950 EUR in twelve days',
  );

  // Pass-through: money rests in a company account for one day and leaves almost whole.
  const passIn = accountOf(base.em, 1);
  const through = accountOf(base.em, 0);
  const passOut = brokerAccount(base.em, 'bank');
  yield* plant(
    ctx,
    'pass-through',
    [passIn, through, passOut],
    [
      {
        ...wire,
        payer: passIn,
        payee: through,
        amount: 48_500,
        date: '2024-11-05',
        purpose: 'ferry tickets, group booking',
      },
      {
        ...wire,
        payer: through,
        payee: passOut,
        amount: 47_900,
        date: '2024-11-06',
        purpose: 'transport services',
      },
    ],
    base.em,
    'Travel agency to logistics company to broker within a day',
  );
}
