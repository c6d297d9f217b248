import { describe, expect, it } from 'vitest';
import {
  normaliseCommunicationIdentifier,
  normaliseDocumentNumber,
  normaliseIban,
  normaliseImo,
  normaliseMmsi,
} from '../../../server/schema/normalise/identifiers.ts';
import type { Normalised } from '../../../server/schema/normalise/result.ts';

type Case = [input: string | number, expected: string];
type Bad = [input: string | number, message: RegExp];

function expectRejected(result: Normalised<string>, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(message);
}

describe('normaliseDocumentNumber', () => {
  it.each<Case>([
    ['ab 123-456.7', 'AB1234567'],
    ['P1234567', 'P1234567'],
    [1234567, '1234567'],
  ])('writes %j as %j', (input, expected) => {
    expect(normaliseDocumentNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each<Bad>([
    ['AB/123', /contains "\/": a number holds only letters and digits/],
    [' - . ', /only separators/],
  ])('rejects %j', (input, message) => expectRejected(normaliseDocumentNumber(input), message));
});

describe('normaliseIban', () => {
  it.each<Case>([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['gb82 west 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['IBAN LY83 002 048 000020100120361', 'LY83002048000020100120361'],
    ['TR33 0006 1005 1978 6457 8413 26', 'TR330006100519786457841326'],
    ['BE68 5390 0754 7034', 'BE68539007547034'],
    ['IR75 0570 0290 1010 0628 4000 01', 'IR750570029010100628400001'],
    ['DZ26 0004 0014 0010 0100 1001 00', 'DZ260004001400100100100100'],
    ['MA64 0115 1900 0001 2050 0053 4921', 'MA64011519000001205000534921'],
  ])('writes %j as %j', (input, expected) => {
    expect(normaliseIban(input as string)).toEqual({ ok: true, value: expected });
  });

  it.each<Bad>([
    ['DE89 3704 0044 0532 0130 01', /fails the IBAN check digits \(ISO 13616 mod 97\)/],
    ['DE89 3704 0044 0532 0130 0', /has 21 characters; an IBAN from DE has 22/],
    ['ZZ89 3704 0044 0532 0130 00', /ZZ, which does not issue IBANs/],
    ['US12 3456 7890 1234', /US, which does not issue IBANs: check the country code/],
    ['NL91 1BNA 0417 1643 00', /does not follow the account format of IBANs from NL \(SWIFT IBAN registry\)/],
    ['not an iban', /is not an IBAN: it must start with a two-letter country code/],
  ])('rejects %j', (input, message) => expectRejected(normaliseIban(input as string), message));
});

describe('normaliseImo', () => {
  it.each<Case>([
    ['IMO 9074729', '9074729'],
    ['imo9074729', '9074729'],
    ['9074729', '9074729'],
    [9074729, '9074729'],
  ])('writes %j as %j', (input, expected) => {
    expect(normaliseImo(input)).toEqual({ ok: true, value: expected });
  });

  it.each<Bad>([
    ['9074728', /fails the IMO check digit \(last digit should be 9\)/],
    ['IMO 123', /not an IMO number: it has seven digits/],
    ['90747290', /not an IMO number/],
  ])('rejects %j', (input, message) => expectRejected(normaliseImo(input), message));
});

describe('normaliseMmsi', () => {
  it.each<Case>([
    ['247123450', '247123450'],
    ['247 123 450', '247123450'],
    [247123450, '247123450'],
  ])('writes %j as %j', (input, expected) => {
    expect(normaliseMmsi(input)).toEqual({ ok: true, value: expected });
  });

  it.each<Bad>([
    ['24712345', /exactly nine digits/],
    ['2471234501', /exactly nine digits/],
    ['24712345A', /exactly nine digits/],
  ])('rejects %j', (input, message) => expectRejected(normaliseMmsi(input), message));
});

describe('normaliseCommunicationIdentifier', () => {
  it.each<Case>([
    ['00218 91 123-4567', '+218911234567'],
    ['+90 (532) 123 45 67', '+905321234567'],
    ['Smuggler@Example.COM', 'smuggler@example.com'],
    ['@CrossingNow', '@CrossingNow'],
  ])('writes %j as %j', (input, expected) => {
    expect(normaliseCommunicationIdentifier(input)).toEqual({ ok: true, value: expected });
  });

  it('rejects a hidden bidi override in a handle', () => {
    expect(normaliseCommunicationIdentifier('@abc\u202edef').ok).toBe(false);
  });
});
