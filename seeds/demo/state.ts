/**
 * What a syndicate builder keeps about its syndicate while it streams, so later builders (money,
 * typologies, bridges) can refer to its people and accounts without holding any records.
 */
import type { CrimeCategory } from '../../server/schema/model.ts';
import type { StaffRole, SyndicateTemplate } from './data/syndicates.ts';
import type { SourceKey } from './data/sources.ts';

/** One facilitator of a syndicate. */
export interface Staff {
  id: string;
  name: string;
  role: StaffRole;
  nationality: string;
}

/** An account and who holds it. */
export interface AccountRef {
  id: string;
  holder: string;
  kind: 'bank' | 'money transfer' | 'hawala' | 'mobile money' | 'crypto';
  currency: string;
}

/** The running state of one syndicate. */
export interface SyndicateState {
  key: string;
  template: SyndicateTemplate;
  organisationId: string;
  sources: readonly SourceKey[];
  staff: Staff[];
  offences: Partial<Record<CrimeCategory, string>>;
  routeIds: string[];
  vesselIds: string[];
  smallBoatIds: string[];
  shipwreckVesselId?: string;
  vehicleIds: string[];
  frontCompanies: { id: string; country: string; accountId: string }[];
  /** Accounts of the money brokers, by broker id. */
  brokerAccounts: AccountRef[];
  /** People who paid fees (smuggled persons or their relatives), in order. */
  payers: string[];
  smuggled: string[];
  nextPersonNumber: number;
}

/** The facilitators of a syndicate with one role, in creation order. */
export function staffWithRole(state: SyndicateState, role: StaffRole): Staff[] {
  return state.staff.filter((member) => member.role === role);
}

/** The n-th facilitator with a role (wrapping around), for builders that need "some guide". */
export function pickStaff(state: SyndicateState, role: StaffRole, n: number): Staff {
  const list = staffWithRole(state, role);
  const fallback = staffWithRole(state, 'transporter');
  const pool = list.length > 0 ? list : fallback.length > 0 ? fallback : state.staff;
  return pool[n % pool.length] as Staff;
}

/** The accounts of a syndicate's money brokers of one kind. */
export function brokerAccountsOfKind(state: SyndicateState, kind: AccountRef['kind']): AccountRef[] {
  return state.brokerAccounts.filter((account) => account.kind === kind);
}
