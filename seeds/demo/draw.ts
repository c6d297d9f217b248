/**
 * Small deterministic draws the builders share: dates, names, patterned identifiers and amounts.
 * Dates are computed from fixed ISO strings, never from the clock.
 */
import { NAME_POOLS, type NamePoolKey } from './data/names.ts';
import type { Rng } from './prng.ts';

const DAY = 86_400_000;

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * DAY).toISOString().slice(0, 10);
}

/** A date between `from` and `to`, both ISO and included. */
export function drawDate(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  return addDays(from, rng.int(0, Math.max(0, span)));
}

/** A person's name, gender and nationality from a pool. */
export interface DrawnPerson {
  name: string;
  gender: 'male' | 'female';
  nationality: string;
  family: string;
}

/** Draws a person from a name pool; `femaleShare` sets how often the person is a woman. */
export function drawPerson(rng: Rng, poolKey: NamePoolKey, femaleShare: number): DrawnPerson {
  const pool = NAME_POOLS[poolKey];
  const gender = rng.chance(femaleShare) ? 'female' : 'male';
  const family = rng.pick(pool.family);
  const first = rng.pick(gender === 'female' ? pool.female : pool.male);
  return { name: `${first} ${family}`, gender, nationality: pool.nationality, family };
}

/** Fills a pattern: `n4` becomes four digits, `a2` two capital letters, anything else is kept. */
export function fillPattern(rng: Rng, pattern: string): string {
  return pattern.replace(/([na])(\d+)/g, (_, kind: string, count: string) => {
    let out = '';
    for (let i = 0; i < Number(count); i++) {
      out += kind === 'n' ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25));
    }
    return out;
  });
}

/** An amount between `min` and `max`, rounded to `step` as smugglers quote prices. */
export function drawAmount(rng: Rng, min: number, max: number, step: number): number {
  return Math.round(rng.int(min, max) / step) * step;
}

/** A birth date for someone aged between `minAge` and `maxAge` in 2024. */
export function drawBirthDate(rng: Rng, minAge: number, maxAge: number): string {
  return drawDate(rng, `${2024 - maxAge}-01-01`, `${2024 - minAge}-12-31`);
}

/** Formats an amount for a record name ("3,200 USD"). */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${currency}`;
}
