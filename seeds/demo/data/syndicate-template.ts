/** The shape of a syndicate template: its routes, staff, means, money and sources. */
import type { CrimeCategory, PersonRole } from '../../../server/schema/model.ts';
import type { NamePoolKey } from './names.ts';
import type { SourceKey } from './sources.ts';

/** A route a syndicate runs, with the window in which its crossings happen. */
export interface RouteSpec {
  suffix: string;
  name: string;
  mode: 'sea' | 'land' | 'mixed';
  /** Location ids in travel order (ROUTE_LEG order 0, 1, ...). */
  legs: readonly string[];
  /** Where crossings on this route start, and where the crossing events are located. */
  departure: string;
  arrival: string;
  /** Where interceptions happen. */
  interception: string;
  from: string;
  to: string;
  /** Share of the syndicate's crossings on this route. */
  share: number;
  dynamics?: 'appears' | 'fades' | 'shift-from' | 'shift-to';
  /** How the crossing is made; sea and mixed routes default to boat, land routes to vehicle. */
  by?: 'boat' | 'vehicle' | 'foot';
}

/** A vessel (or a batch of similar small boats) a sea syndicate uses. */
export interface VesselSpec {
  name: string;
  vesselType: string;
  capacity: number;
  flag: string;
  /** Maritime identification digits of the flag, for the MMSI; absent for unregistered boats. */
  mid?: number;
  imo?: boolean;
  pastNames?: readonly string[];
  pastFlags?: readonly string[];
  count?: number;
  /** The first boat of this batch is the one lost in the syndicate's shipwreck. */
  sinks?: boolean;
}

/** The facilitator roles a template staffs (smuggled persons and witnesses are not staff). */
export type StaffRole = Exclude<PersonRole, 'smuggled person' | 'witness'>;

/** Everything that makes one syndicate different from the others. */
export interface SyndicateTemplate {
  key: string;
  name: string;
  region: string;
  country: string;
  hub: string;
  safeHouses: readonly string[];
  staffPools: readonly NamePoolKey[];
  migrantPools: readonly NamePoolKey[];
  roles: Partial<Record<StaffRole, number>>;
  routes: readonly RouteSpec[];
  crossings: number;
  /** People aboard (or in the group), and how many of them the reports identify. */
  aboard: readonly [number, number];
  identified: readonly [number, number];
  fee: { currency: string; min: number; max: number; step: number };
  payoutCurrency: string;
  vessels: readonly VesselSpec[];
  vehicles: readonly { make: string; country: string; plate: string }[];
  phonePrefix: string;
  frontCompanies: readonly { name: string; country: string; registration: string }[];
  bankCountry: string;
  transferInstitution: string;
  hawalaNetwork: string;
  advertPlatforms: readonly string[];
  advertLines: readonly string[];
  sources: readonly SourceKey[];
  offences: readonly CrimeCategory[];
  relativeCountries: readonly string[];
  forgedIssuers: readonly string[];
  /** Where the syndicate's corrupt official serves, if it has one. */
  officialPost?: string;
}
