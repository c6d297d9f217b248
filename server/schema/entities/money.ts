/** Accounts and payments: a Payment is a node between the party that paid and the party that received. */
import type { z } from 'zod';
import {
  compactNumberField,
  countryField,
  currencyField,
  dateField,
  enumField,
  ibanField,
  idField,
  nameField,
  number,
  numberField,
  textField,
} from '../fields.ts';
import { defineEntitySchema, type RecordRule } from './common.ts';

/** Account.kind values. */
export const ACCOUNT_KINDS = ['bank', 'money transfer', 'hawala', 'mobile money', 'crypto'] as const;
/** Payment.method values. */
export const PAYMENT_METHODS = ['cash', 'hawala', 'wire', 'money transfer', 'crypto'] as const;

/** A rule: an amount or price is meaningless without its currency, and amounts are never summed across currencies. */
export function needsCurrency(...amounts: string[]): RecordRule {
  return (record) =>
    amounts.some((field) => record[field] !== undefined) && record.currency === undefined
      ? [
          {
            path: ['currency'],
            message: `${amounts.join(' and ')} need a currency: add "currency" (ISO 4217, e.g. "EUR")`,
          },
        ]
      : [];
}

/** A bank, money-transfer, hawala, mobile-money or crypto account; wallets keep their case. */
export const AccountSchema = defineEntitySchema(
  'Account',
  'A bank, money-transfer, hawala, mobile-money or crypto account',
  {
    kind: enumField(ACCOUNT_KINDS).optional(),
    iban: ibanField.optional(),
    wallet: idField.optional(),
    institution: nameField.optional(),
    number: compactNumberField.optional(),
    country: countryField.optional(),
  },
);
export type Account = z.infer<typeof AccountSchema>;

/** One transfer of value. */
export const PaymentSchema = defineEntitySchema(
  'Payment',
  'One transfer of value between parties',
  {
    amount: numberField(number('an amount').nonnegative('cannot be negative')).optional(),
    currency: currencyField.optional(),
    date: dateField.optional(),
    method: enumField(PAYMENT_METHODS).optional(),
    purpose: textField.optional(),
  },
  needsCurrency('amount'),
);
export type Payment = z.infer<typeof PaymentSchema>;
