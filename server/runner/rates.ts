/**
 * Exchange rates into euros for the money analyses, dated: a rate applies from its `from` date until
 * the next one of the same currency (analysis/money/rates.ts).
 *
 * The built-in table holds APPROXIMATE reference rates for 2022-2025, rounded quarterly or yearly
 * averages of the kind the ECB publishes as euro foreign exchange reference rates
 * (https://www.ecb.europa.eu/stats/eurofxref/) and, for currencies the ECB does not quote (LYD, MAD,
 * COP), of the central banks' own fixings (Central Bank of Libya, Bank Al-Maghrib, Banco de la
 * Republica). XOF is pegged at 655.957 per euro. They are good enough to compare flows of the demo
 * case; for casework, replace them with the official rates of the period (ECB, or the rate the
 * financial intelligence unit uses) through a JSON file named by ARIADNE_RATES_FILE.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExchangeRate } from '../../analysis/money/rates.ts';

/** The analysis currency of the built-in table. */
export const RATES_BASE = 'EUR';

// [currency, from, euros per unit]
const TABLE: [string, string, number][] = [
  ['USD', '2022-01-01', 0.95],
  ['USD', '2023-01-01', 0.925],
  ['USD', '2024-01-01', 0.924],
  ['USD', '2025-01-01', 0.96],
  ['USD', '2025-04-01', 0.885],
  ['USD', '2025-07-01', 0.855],
  ['GBP', '2022-01-01', 1.17],
  ['GBP', '2023-01-01', 1.15],
  ['GBP', '2024-01-01', 1.18],
  ['GBP', '2025-01-01', 1.19],
  ['GBP', '2025-07-01', 1.16],
  ['CHF', '2022-01-01', 1.0],
  ['CHF', '2023-01-01', 1.03],
  ['CHF', '2024-01-01', 1.05],
  ['CHF', '2025-01-01', 1.07],
  ['TRY', '2022-01-01', 0.058],
  ['TRY', '2023-01-01', 0.049],
  ['TRY', '2023-04-01', 0.047],
  ['TRY', '2023-07-01', 0.036],
  ['TRY', '2023-10-01', 0.033],
  ['TRY', '2024-01-01', 0.03],
  ['TRY', '2024-04-01', 0.029],
  ['TRY', '2024-07-01', 0.028],
  ['TRY', '2024-10-01', 0.027],
  ['TRY', '2025-01-01', 0.027],
  ['TRY', '2025-04-01', 0.023],
  ['TRY', '2025-07-01', 0.021],
  ['TRY', '2025-10-01', 0.0205],
  ['LYD', '2022-01-01', 0.195],
  ['LYD', '2023-01-01', 0.192],
  ['LYD', '2024-01-01', 0.19],
  ['LYD', '2025-01-01', 0.196],
  ['LYD', '2025-04-01', 0.162],
  ['MAD', '2022-01-01', 0.094],
  ['MAD', '2023-01-01', 0.0915],
  ['MAD', '2024-01-01', 0.0926],
  ['MAD', '2025-01-01', 0.094],
  ['TND', '2022-01-01', 0.31],
  ['TND', '2023-01-01', 0.298],
  ['TND', '2024-01-01', 0.296],
  ['TND', '2025-01-01', 0.295],
  ['EGP', '2022-01-01', 0.05],
  ['EGP', '2023-01-01', 0.03],
  ['EGP', '2024-03-01', 0.0195],
  ['EGP', '2025-01-01', 0.0185],
  ['XOF', '1999-01-01', 0.00152449],
  ['COP', '2022-01-01', 0.00022],
  ['COP', '2023-01-01', 0.000195],
  ['COP', '2023-07-01', 0.000225],
  ['COP', '2024-01-01', 0.000232],
  ['COP', '2025-01-01', 0.000215],
];

/** The built-in, approximate table (see the banner before relying on it). */
export const DEFAULT_RATES: readonly ExchangeRate[] = TABLE.map(([currency, from, rate]) => ({
  currency,
  from,
  rate,
}));

const RateSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date such as 2024-01-01'),
  rate: z.number().positive('units of the base currency per unit, above 0'),
});

/** A rates file: a list of rates, or `{base, source, rates}`. */
export const RatesFileSchema = z.union([
  z.array(RateSchema),
  z.strictObject({
    base: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default(RATES_BASE),
    source: z.string().optional(),
    rates: z.array(RateSchema),
  }),
]);

/** A rates file that cannot be used; the message names the file and the field. */
export class RatesFileError extends Error {
  override name = 'RatesFileError';
}

/** The rates and their base currency: from ARIADNE_RATES_FILE when set, else the built-in table. */
export function loadRates(env: NodeJS.ProcessEnv = process.env): {
  base: string;
  rates: readonly ExchangeRate[];
} {
  const file = env.ARIADNE_RATES_FILE;
  if (file === undefined || file === '') return { base: RATES_BASE, rates: DEFAULT_RATES };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RatesFileError(
      `ARIADNE_RATES_FILE ${file} cannot be read as JSON: ${(error as Error).message}`,
    );
  }
  const parsed = RatesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RatesFileError(
      `ARIADNE_RATES_FILE ${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message} (expected [{"currency": "USD", "from": "2024-01-01", "rate": 0.92}, ...])`,
    );
  }
  return Array.isArray(parsed.data)
    ? { base: RATES_BASE, rates: parsed.data }
    : { base: parsed.data.base, rates: parsed.data.rates };
}
