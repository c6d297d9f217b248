/**
 * Which facilitators are suspected of which offences: everyone of migrant smuggling, and each
 * specialist of the offence that goes with the trade (brokers and laundering, forgers and fraud).
 */
import type { CrimeCategory } from '../../server/schema/model.ts';
import type { CaseContext } from './context.ts';
import type { StaffRole } from './data/syndicates.ts';
import type { SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

// The offences a role points to beyond migrant smuggling, where the syndicate is suspected of them.
const SPECIALIST_OFFENCES: Partial<Record<StaffRole, readonly CrimeCategory[]>> = {
  'money broker': ['money laundering'],
  forger: ['document fraud'],
  'corrupt official': ['corruption'],
  'safe-house keeper': ['violence', 'trafficking in human beings'],
  transporter: ['drug trafficking', 'firearms'],
};

/** Emits SUSPECTED_OF (and one CONVICTED_OF) links from a syndicate's staff to its offences. */
export function* buildSuspicions(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const smuggling = state.offences['migrant smuggling'];
  const src = state.sources;
  const convictedPilot = state.staff.find((member) => member.role === 'boat pilot');
  for (const member of state.staff) {
    if (smuggling && member.role !== 'corrupt official') {
      const type = member === convictedPilot ? 'CONVICTED_OF' : 'SUSPECTED_OF';
      yield ctx.link(type, member.id, smuggling, {}, ctx.provenance(src));
    }
    for (const category of SPECIALIST_OFFENCES[member.role] ?? []) {
      const offence = state.offences[category];
      if (offence) yield ctx.link('SUSPECTED_OF', member.id, offence, {}, ctx.provenance(src));
    }
    const corruption = state.offences.corruption;
    if (member.role === 'organiser' && corruption && member === state.staff[0]) {
      yield ctx.link('SUSPECTED_OF', member.id, corruption, {}, ctx.provenance(src));
    }
  }
}
