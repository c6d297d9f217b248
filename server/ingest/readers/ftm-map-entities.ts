/**
 * Maps FollowTheMoney "thing" schemata onto Ariadne entities: people, organisations, documents,
 * vessels, vehicles, accounts, payments and addresses, with the links their properties imply.
 */
import type { FtmEntity } from './ftm-entity.ts';
import type { Mapped } from './ftm-fields.ts';
import { all, entityRecord, first, pairLinks, toNumber } from './ftm-fields.ts';

/** Person -> Person; the FtM id doubles as `sourceRef`, the reference back to the published record. */
export function mapPerson(entity: FtmEntity): Mapped[] {
  const parts = [first(entity, 'firstName'), first(entity, 'lastName')].filter(Boolean);
  const person = entityRecord(
    entity,
    'Person',
    {
      sourceRef: entity.id,
      birthDate: first(entity, 'birthDate'),
      nationalities: all(entity, 'nationality', 'citizenship'),
      gender: first(entity, 'gender'),
    },
    parts.length > 0 ? parts.join(' ') : undefined,
  );
  return [person, ...addressLinks(entity)];
}

/** Organization, Company, LegalEntity, PublicBody -> Organisation. */
export function mapOrganisation(entity: FtmEntity): Mapped[] {
  const organisation = entityRecord(entity, 'Organisation', {
    country: first(entity, 'country', 'jurisdiction'),
    registrationNumber: first(entity, 'registrationNumber'),
  });
  return [organisation, ...addressLinks(entity)];
}

/** Passport and Identification -> Document, and HOLDS from each holder. */
export function mapDocument(entity: FtmEntity): Mapped[] {
  const kind = entity.schema === 'Passport' ? 'passport' : documentKind(first(entity, 'type'));
  const number = first(entity, 'number', 'passportNumber');
  const document = entityRecord(
    entity,
    'Document',
    {
      kind,
      number,
      issuingCountry: first(entity, 'country'),
      expiry: first(entity, 'expiryDate', 'endDate'),
    },
    number === undefined ? undefined : `${kind} ${number}`,
  );
  return [document, ...pairLinks(entity, 'HOLDS', all(entity, 'holder'), [entity.id], {}, true)];
}

const DOCUMENT_KINDS: [RegExp, string][] = [
  [/passport/i, 'passport'],
  [/visa/i, 'visa'],
  [/residen/i, 'residence permit'],
  [/seaman|seafarer/i, "seaman's book"],
  [/\bid\b|identity|identification/i, 'id card'],
];

function documentKind(type: string | undefined): string {
  return DOCUMENT_KINDS.find(([pattern]) => type !== undefined && pattern.test(type))?.[1] ?? 'other';
}

/** Vessel -> Vessel, with OWNS from its owners and OPERATES from its operators. */
export function mapVessel(entity: FtmEntity): Mapped[] {
  const vessel = entityRecord(
    entity,
    'Vessel',
    {
      imo: first(entity, 'imoNumber'),
      mmsi: first(entity, 'mmsi'),
      callSign: first(entity, 'callSign'),
      flag: first(entity, 'flag'),
      pastNames: all(entity, 'pastNames'),
      pastFlags: all(entity, 'pastFlags'),
      vesselType: first(entity, 'type'),
    },
    first(entity, 'imoNumber'),
  );
  return [vessel, ...assetLinks(entity)];
}

/** Vehicle -> Vehicle, with OWNS and OPERATES. */
export function mapVehicle(entity: FtmEntity): Mapped[] {
  const plate = first(entity, 'registrationNumber');
  const vehicle = entityRecord(
    entity,
    'Vehicle',
    { plate, country: first(entity, 'country'), make: first(entity, 'model') },
    plate,
  );
  return [vehicle, ...assetLinks(entity)];
}

/** BankAccount -> Account of kind bank. */
export function mapBankAccount(entity: FtmEntity): Mapped[] {
  const iban = first(entity, 'iban');
  const number = first(entity, 'accountNumber');
  const account = entityRecord(
    entity,
    'Account',
    { kind: 'bank', iban, number, institution: first(entity, 'bankName'), country: first(entity, 'country') },
    iban ?? number,
  );
  return [account, ...assetLinks(entity)];
}

/** CryptoWallet -> Account of kind crypto, with HOLDS_ACCOUNT from its holder. */
export function mapCryptoWallet(entity: FtmEntity): Mapped[] {
  const wallet = first(entity, 'publicKey');
  const account = entityRecord(entity, 'Account', { kind: 'crypto', wallet }, wallet);
  return [account, ...pairLinks(entity, 'HOLDS_ACCOUNT', all(entity, 'holder'), [entity.id], {}, true)];
}

/** Payment -> Payment, with PAID from each payer and RECEIVED to each beneficiary. */
export function mapPayment(entity: FtmEntity): Mapped[] {
  const inEuro = first(entity, 'amount') === undefined && first(entity, 'amountEur') !== undefined;
  const amount = toNumber(first(entity, 'amount', 'amountEur'));
  const currency = inEuro ? 'EUR' : first(entity, 'currency');
  const date = first(entity, 'date', 'startDate');
  const label = [
    'Payment',
    amount === undefined ? '' : `of ${amount} ${currency ?? ''}`.trim(),
    date && `on ${date}`,
  ];
  const payment = entityRecord(
    entity,
    'Payment',
    { amount, currency, date, purpose: first(entity, 'purpose', 'summary') },
    label.filter(Boolean).join(' '),
  );
  return [
    payment,
    ...pairLinks(entity, 'PAID', all(entity, 'payer'), [entity.id], {}, true),
    ...pairLinks(entity, 'RECEIVED', [entity.id], all(entity, 'beneficiary'), {}, true),
  ];
}

/** Address -> Location. */
export function mapAddress(entity: FtmEntity): Mapped[] {
  const parts = all(entity, 'street', 'city', 'country');
  const location = entityRecord(
    entity,
    'Location',
    {
      country: first(entity, 'country'),
      lat: toNumber(first(entity, 'latitude')),
      lon: toNumber(first(entity, 'longitude')),
    },
    first(entity, 'full') ?? (parts.length > 0 ? parts.join(', ') : undefined),
  );
  return [location];
}

/** A party's address entities, as BASED_IN links, so the Location is not left unconnected. */
function addressLinks(entity: FtmEntity): Mapped[] {
  return pairLinks(entity, 'BASED_IN', [entity.id], all(entity, 'addressEntity'), {}, true);
}

function assetLinks(entity: FtmEntity): Mapped[] {
  return [
    ...pairLinks(entity, 'OWNS', all(entity, 'owner'), [entity.id], {}, true),
    ...pairLinks(entity, 'OPERATES', all(entity, 'operator'), [entity.id], {}, true),
  ];
}
