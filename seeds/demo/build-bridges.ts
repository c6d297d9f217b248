/**
 * What ties the syndicates to each other and to other crime: facilitators who work for two
 * syndicates, a few calls between leaders, hawala brokers settling by offsetting, a broker who
 * also moves money for an armed group, and one account only the Guardia di Finanza may see.
 */
import type { CaseContext } from './context.ts';
import type { SourceKey } from './data/sources.ts';
import { drawAmount } from './draw.ts';
import { buildHawalaOffsetting } from './build-hawala.ts';
import { emitAccount } from './build-assets.ts';
import { CASE_ID } from './build-case.ts';
import { offenceRecord } from './build-frame.ts';
import { emitPayment } from './build-money.ts';
import { type Staff, staffWithRole, type SyndicateState } from './state.ts';
import type { BaseStates } from './build-typologies.ts';
import type { DemoRecord } from './types.ts';
import type { StaffRole } from './data/syndicates.ts';

const TERROR_ORG = 'org:black-dune-brigade';
const TERROR_OFFENCE = 'off:terrorism:black-dune-brigade';

function member(state: SyndicateState, role: StaffRole, n: number): Staff {
  const found = staffWithRole(state, role)[n];
  if (!found) throw new Error(`seeds/demo: syndicate ${state.key} has no ${role} #${n + 1}`);
  return found;
}

function* share(
  ctx: CaseContext,
  person: Staff,
  from: SyndicateState,
  to: SyndicateState,
): Generator<DemoRecord> {
  const src: SourceKey[] = ['europolEmsc'];
  yield ctx.link('MEMBER_OF', person.id, to.organisationId, { role: person.role }, ctx.provenance(src));
  for (const colleague of ctx.rng.sample(
    to.staff.filter((m) => m.role !== 'corrupt official'),
    3,
  )) {
    yield ctx.link('CONTACTED', person.id, colleague.id, { weight: ctx.rng.int(3, 25) }, ctx.provenance(src));
  }
  ctx.truth.sharedFacilitators.push({ personId: person.id, syndicates: [from.key, to.key] });
}

/** Emits the cross-syndicate links, the terrorism link and the restricted account. */
export function* buildBridges(ctx: CaseContext, base: BaseStates): Generator<DemoRecord> {
  yield* share(ctx, member(base.em, 'forger', 0), base.em, base.wb);
  yield* share(ctx, member(base.cm, 'recruiter', 0), base.cm, base.wa);
  yield* share(ctx, member(base.wb, 'transporter', 0), base.wb, base.em);
  // Leaders of neighbouring routes know each other, but talk rarely.
  const calls: [Staff, Staff][] = [
    [member(base.cm, 'organiser', 0), member(base.em, 'organiser', 0)],
    [member(base.em, 'organiser', 1), member(base.wb, 'organiser', 0)],
    [member(base.wa, 'money broker', 0), member(base.cm, 'money broker', 0)],
    [member(base.ac, 'organiser', 0), member(base.wa, 'organiser', 1)],
  ];
  for (const [a, b] of calls) {
    yield ctx.link(
      'CONTACTED',
      a.id,
      b.id,
      { weight: ctx.rng.int(2, 6) },
      ctx.provenance(['europolEmsc', 'nca']),
    );
  }
  yield* buildHawalaOffsetting(
    ctx,
    member(base.em, 'money broker', 0),
    member(base.wb, 'money broker', 0),
    base.em,
  );
  yield* buildTerrorismLink(ctx, base.cm);
  yield* buildRestrictedAccount(ctx, base.cm);
}

function* buildTerrorismLink(ctx: CaseContext, cm: SyndicateState): Generator<DemoRecord> {
  const src: SourceKey[] = ['irini', 'europolFin', 'gdf'];
  const broker = member(cm, 'money broker', 2);
  yield ctx.entity(
    'Organisation',
    TERROR_ORG,
    'Black Dune Brigade',
    {
      kind: 'other',
      country: 'ML',
      notes: 'Armed group active in the Sahel (invented for the demonstration case)',
    },
    ctx.provenance(src, { firstSeen: '2023-06-01' }),
  );
  yield ctx.link('BASED_IN', TERROR_ORG, 'loc:menaka', {}, ctx.provenance(src));
  yield offenceRecord(
    ctx,
    TERROR_OFFENCE,
    'Terrorist financing - Black Dune Brigade',
    'terrorism',
    '2024-02-01',
    src,
  );
  yield ctx.link('INVOLVED_IN', TERROR_ORG, TERROR_OFFENCE, {}, ctx.provenance(src));
  yield ctx.link('PART_OF', TERROR_ORG, CASE_ID, {}, ctx.provenance(src));
  const paymentIds: string[] = [];
  for (const date of ['2024-02-14', '2024-06-03', '2025-01-21']) {
    paymentIds.push(
      yield* emitPayment(ctx, {
        payer: broker.id,
        payee: TERROR_ORG,
        amount: drawAmount(ctx.rng, 15_000, 40_000, 500),
        currency: 'USD',
        date,
        method: 'hawala',
        purpose: 'hawala transfer to Menaka',
        sources: src,
      }),
    );
  }
  ctx.truth.terrorism = {
    brokerId: broker.id,
    organisationId: TERROR_ORG,
    offenceId: TERROR_OFFENCE,
    paymentIds,
  };
}

function* buildRestrictedAccount(ctx: CaseContext, cm: SyndicateState): Generator<DemoRecord> {
  const holder = member(cm, 'organiser', 0);
  const restricted = {
    handling: 'H3' as const,
    handlingCondition:
      'Ongoing financial investigation: no dissemination and no action without the approval of the Guardia di Finanza',
    restrictedTo: ['Guardia di Finanza'],
  };
  const records: DemoRecord[] = [];
  const generator = emitAccount(ctx, cm, 'acct:cm:900', holder.id, 'bank', 'IT');
  for (let step = generator.next(); !step.done; step = generator.next()) records.push(step.value);
  for (const record of records) {
    // Both the account and the link that reveals its holder carry the restriction.
    yield { ...record, sources: ['src:gdf-palermo'], grade: 'A2', gradeScheme: 'europol', ...restricted };
  }
  ctx.truth.restrictedEntityId = 'acct:cm:900';
}
