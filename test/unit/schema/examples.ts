/** Valid example properties for every entity label and link type, shared by the schema tests. */
import type { EntityLabel, LinkType } from '../../../server/schema/model.ts';

/** Provenance every example carries. */
export const PROVENANCE = { sources: ['src-1'], handling: 'H1', grade: 'B2' };

/** One valid entity per label, with a field to break and the path the issue must name. */
export const ENTITY_EXAMPLES: Record<
  EntityLabel,
  { fields: Record<string, unknown>; bad: Record<string, unknown>; path: string }
> = {
  Person: {
    fields: {
      id: 'p-1',
      name: 'Abu Ali',
      birthDate: '1980-05-01',
      nationalities: ['LY', 'Syria'],
      gender: 'male',
      roles: ['organiser'],
      status: 'suspect',
      sourceRef: 'EU-77',
    },
    bad: { nationalities: ['LY', 'Narnia'] },
    path: 'nationalities.1',
  },
  Organisation: {
    fields: {
      id: 'o-1',
      name: 'Blue Sea Travel',
      kind: 'travel agency',
      country: 'TR',
      registrationNumber: 'IST-2231',
    },
    bad: { kind: 'cartel' },
    path: 'kind',
  },
  Document: {
    fields: {
      id: 'd-1',
      kind: 'passport',
      number: 'P 123-456',
      issuingCountry: 'SYR',
      holderName: 'Ali Hassan',
      expiry: '2027-01-31',
      status: 'forged',
    },
    bad: { expiry: '2027-02-30' },
    path: 'expiry',
  },
  Vessel: {
    fields: {
      id: 'v-1',
      name: 'Sea Star',
      imo: 'IMO 9074729',
      mmsi: '247123450',
      callSign: 'ia-bc',
      flag: 'Togo',
      pastNames: ['Star'],
      pastFlags: ['PA'],
      vesselType: 'fishing vessel',
      capacity: 300,
      status: 'seized',
    },
    bad: { imo: '9074728' },
    path: 'imo',
  },
  Vehicle: {
    fields: { id: 'vh-1', plate: 'ab-123-cd', country: 'FR', make: 'Iveco', status: 'stolen' },
    bad: { country: 'Atlantis' },
    path: 'country',
  },
  Account: {
    fields: {
      id: 'a-1',
      kind: 'bank',
      iban: 'DE89 3704 0044 0532 0130 00',
      institution: 'Commerzbank',
      country: 'DE',
    },
    bad: { iban: 'DE89 3704 0044 0532 0130 01' },
    path: 'iban',
  },
  Payment: {
    fields: {
      id: 'pay-1',
      amount: 2500,
      currency: 'Euro',
      date: '3 April 2020',
      method: 'hawala',
      purpose: 'crossing fee',
    },
    bad: { amount: -5 },
    path: 'amount',
  },
  Communication: {
    fields: { id: 'c-1', kind: 'phone', identifier: '00218 91 123 4567', platform: 'WhatsApp' },
    bad: { kind: 'pigeon' },
    path: 'kind',
  },
  Location: {
    fields: { id: 'l-1', name: 'Zuwara', kind: 'port', country: 'Libya', lat: 32.93, lon: 12.08 },
    bad: { lat: 120 },
    path: 'lat',
  },
  Route: {
    fields: {
      id: 'r-1',
      name: 'Central Mediterranean',
      mode: 'sea',
      priceMin: 1500,
      priceMax: 4000,
      currency: 'USD',
    },
    bad: { mode: 'teleport' },
    path: 'mode',
  },
  Event: {
    fields: {
      id: 'e-1',
      name: 'Shipwreck off Lampedusa',
      kind: 'shipwreck',
      date: '2013-10-03',
      deaths: 368,
      persons: 518,
    },
    bad: { deaths: 2.5 },
    path: 'deaths',
  },
  Offence: {
    fields: {
      id: 'off-1',
      category: 'migrant smuggling',
      date: '2020-04-03',
      legalReference: 'Directive 2002/90/EC',
    },
    bad: { category: 'jaywalking' },
    path: 'category',
  },
  Case: {
    fields: {
      id: 'case-1',
      name: 'Operation Sea Gate',
      agencies: ['Europol', 'INTERPOL'],
      periodStart: '2019-01-01',
      periodEnd: '2020-12-31',
      status: 'open',
    },
    bad: { status: 'pending' },
    path: 'status',
  },
  Source: {
    fields: { id: 'src-1', reference: 'EUR-2020-0042', agency: 'Europol', country: 'NL', date: '2020-05-01' },
    bad: { date: '03/04/2020' },
    path: 'date',
  },
};

/** Entity labels a valid example of each link type starts and ends at. */
export const LINK_EXAMPLE_ENDS: Record<LinkType, [EntityLabel, EntityLabel]> = {
  ASSOCIATE_OF: ['Person', 'Person'],
  FAMILY_OF: ['Person', 'Person'],
  MEMBER_OF: ['Person', 'Organisation'],
  LEADS: ['Person', 'Organisation'],
  EMPLOYED_BY: ['Person', 'Organisation'],
  HOLDS: ['Person', 'Document'],
  USED: ['Person', 'Communication'],
  OWNS: ['Organisation', 'Vessel'],
  OPERATES: ['Person', 'Vessel'],
  CREWED: ['Person', 'Vessel'],
  HOLDS_ACCOUNT: ['Organisation', 'Account'],
  PAID: ['Person', 'Payment'],
  RECEIVED: ['Payment', 'Account'],
  CONTACTED: ['Communication', 'Communication'],
  SMUGGLED: ['Person', 'Person'],
  TRAVELLED: ['Person', 'Route'],
  ROUTE_LEG: ['Route', 'Location'],
  LOCATED_IN: ['Event', 'Location'],
  BASED_IN: ['Organisation', 'Location'],
  INVOLVED_IN: ['Vessel', 'Event'],
  SUSPECTED_OF: ['Person', 'Offence'],
  CONVICTED_OF: ['Person', 'Offence'],
  PART_OF: ['Payment', 'Case'],
  REPORTED_IN: ['Event', 'Source'],
  SAME_AS: ['Account', 'Account'],
};

/** Ends each link type must refuse, as [source label, target label]. */
export const LINK_WRONG_ENDS: Record<LinkType, [EntityLabel, EntityLabel]> = {
  ASSOCIATE_OF: ['Vessel', 'Person'],
  FAMILY_OF: ['Person', 'Organisation'],
  MEMBER_OF: ['Person', 'Person'],
  LEADS: ['Vessel', 'Organisation'],
  EMPLOYED_BY: ['Person', 'Vessel'],
  HOLDS: ['Person', 'Account'],
  USED: ['Person', 'Person'],
  OWNS: ['Vessel', 'Vehicle'],
  OPERATES: ['Person', 'Account'],
  CREWED: ['Person', 'Location'],
  HOLDS_ACCOUNT: ['Person', 'Payment'],
  PAID: ['Payment', 'Person'],
  RECEIVED: ['Person', 'Payment'],
  CONTACTED: ['Person', 'Vessel'],
  SMUGGLED: ['Organisation', 'Person'],
  TRAVELLED: ['Person', 'Location'],
  ROUTE_LEG: ['Location', 'Route'],
  LOCATED_IN: ['Person', 'Organisation'],
  BASED_IN: ['Vessel', 'Location'],
  INVOLVED_IN: ['Person', 'Person'],
  SUSPECTED_OF: ['Vessel', 'Offence'],
  CONVICTED_OF: ['Person', 'Case'],
  PART_OF: ['Person', 'Source'],
  REPORTED_IN: ['Person', 'Case'],
  SAME_AS: ['Person', 'Organisation'],
};
