/**
 * One syndicate, start to finish: frame, staff, means, suspicions, crossings and bribes.
 */
import type { CaseContext } from './context.ts';
import type { SyndicateTemplate } from './data/syndicates.ts';
import { addDays, drawAmount } from './draw.ts';
import { buildFinance, buildVehicles, buildVessels } from './build-assets.ts';
import { buildCrossings } from './build-crossings.ts';
import { CASE_ID } from './build-case.ts';
import { buildFrame } from './build-frame.ts';
import { emitPayment } from './build-money.ts';
import { buildStaff } from './build-staff.ts';
import { buildSuspicions } from './build-suspicions.ts';
import { pickStaff, staffWithRole, type SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

/** Emits a whole syndicate from a template under a key and name; returns its state for later builders. */
export function* buildSyndicate(
  ctx: CaseContext,
  template: SyndicateTemplate,
  key: string,
  label: string,
  volume = 1,
): Generator<DemoRecord, SyndicateState> {
  const state = yield* buildFrame(ctx, template, key, label);
  yield* buildStaff(ctx, state);
  yield* buildVessels(ctx, state);
  yield* buildVehicles(ctx, state);
  yield* buildFinance(ctx, state);
  yield* buildSuspicions(ctx, state);
  yield* buildCrossings(ctx, state, volume);
  yield* buildBribes(ctx, state);
  yield* buildCaseLinks(ctx, state);
  ctx.truth.syndicates.push({
    key,
    name: label,
    region: template.region,
    organisationId: state.organisationId,
    leaderIds: staffWithRole(state, 'organiser').map((member) => member.id),
    routeIds: state.routeIds,
    facilitatorCount: state.staff.length,
  });
  return state;
}

// Officials are paid in cash by a broker, in instalments spread over the busy season.
function* buildBribes(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const broker = pickStaff(state, 'money broker', 1);
  const currency = state.template.fee.currency === 'USD' ? 'USD' : 'EUR';
  for (const official of staffWithRole(state, 'corrupt official')) {
    let date = '2023-04-10';
    for (let n = 0; n < 5; n++) {
      date = addDays(date, ctx.rng.int(60, 150));
      yield* emitPayment(ctx, {
        payer: broker.id,
        payee: official.id,
        amount: drawAmount(ctx.rng, 2000, 6000, 500),
        currency,
        date,
        method: 'cash',
        purpose: 'bribe',
        sources: state.sources,
      });
    }
  }
}

// The main entities of a syndicate belong to the case; the people smuggled are not listed there.
function* buildCaseLinks(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const main = [
    state.organisationId,
    ...staffWithRole(state, 'organiser').map((member) => member.id),
    ...staffWithRole(state, 'money broker').map((member) => member.id),
    ...state.frontCompanies.map((firm) => firm.id),
    ...state.routeIds,
  ];
  for (const id of main) yield ctx.link('PART_OF', id, CASE_ID, {}, ctx.provenance(state.sources));
}
