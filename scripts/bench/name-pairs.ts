/**
 * Held-out name pairs for measuring name matching, from a list nobody here wrote and no rule of
 * analysis/core/name-key.ts was made from: the UN Security Council's Al-Qaida Sanctions List of
 * 12 December 2014 (test/fixtures/names/, with its citation), whose individuals carry their name, the
 * name in Arabic script and the aliases the UN rates of good quality, many of them other
 * romanisations of the same name.
 *
 * - Romanisation pairs: an individual's listed name and each good alias that shares at least one
 *   word with it letter for letter (after folding accents and case; articles and bin/ben/ibn/abu do
 *   not count), so that the pair is one name written two ways rather than a different alias.
 * - Script pairs: the name in Arabic script and the listed name.
 * - Different-name pairs: the listed names of different individuals, each with the next five; and
 *   the harder ones, every pair of different individuals whose listed names share a word.
 *
 * A pair matches when every word of the name with fewer words finds its key among the other name's
 * (its index keys, where those differ), as a search for the shorter name finds the longer one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Listed {
  ref: string;
  name: string;
  originalScript: string | null;
  aliases: string[];
}

/** One pair of names and where it came from. */
export interface NamePair {
  a: string;
  b: string;
  ref: string;
}

/** The three sets of pairs. */
export interface NamePairs {
  romanisations: NamePair[];
  scripts: NamePair[];
  different: NamePair[];
  /** Different individuals whose listed names share a word (Mohammed, Abdul...). */
  namesakes: NamePair[];
}

const FIXTURE = fileURLToPath(
  new URL('../../test/fixtures/names/un-al-qaida-list-2014-12-12.json', import.meta.url),
);
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ben', 'ibn', 'abu', 'abou', 'bint']);

function plainWords(name: string): Set<string> {
  return new Set(
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !PARTICLES.has(word)),
  );
}

/** Reads the fixture and builds the pairs. */
export function loadNamePairs(): NamePairs {
  const listed = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { individuals: Listed[] }).individuals;
  const romanisations: NamePair[] = [];
  const scripts: NamePair[] = [];
  const different: NamePair[] = [];
  const namesakes: NamePair[] = [];
  listed.forEach((person, index) => {
    for (const other of listed.slice(index + 1)) {
      const shared = [...plainWords(other.name)].some((word) => plainWords(person.name).has(word));
      if (shared) namesakes.push({ a: person.name, b: other.name, ref: `${person.ref}/${other.ref}` });
    }
    const words = plainWords(person.name);
    for (const alias of person.aliases) {
      if (alias.toLowerCase() === person.name.toLowerCase()) continue;
      if ([...plainWords(alias)].some((word) => words.has(word)))
        romanisations.push({ a: person.name, b: alias, ref: person.ref });
    }
    if (person.originalScript) scripts.push({ a: person.originalScript, b: person.name, ref: person.ref });
    for (let step = 1; step <= 5; step++) {
      const other = listed[(index + step) % listed.length] as Listed;
      different.push({ a: person.name, b: other.name, ref: `${person.ref}/${other.ref}` });
    }
  });
  return { romanisations, scripts, different, namesakes };
}

const wordCount = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;

/**
 * Whether every key of the name with fewer words is among the other's index keys (its query keys
 * when no index keys are given): a search for the shorter name finds the longer one.
 */
export function containsKeys(
  queryKeys: (name: string) => string[],
  pair: NamePair,
  indexKeys: (name: string) => string[] = queryKeys,
): boolean {
  const [query, found] = wordCount(pair.a) <= wordCount(pair.b) ? [pair.a, pair.b] : [pair.b, pair.a];
  const wanted = new Set(queryKeys(query));
  const held = new Set(indexKeys(found));
  return wanted.size > 0 && [...wanted].every((key) => held.has(key));
}

/** The share of pairs a predicate accepts, in [0, 1]. */
export function rate(pairs: readonly NamePair[], accept: (pair: NamePair) => boolean): number {
  return pairs.length === 0 ? 0 : pairs.filter(accept).length / pairs.length;
}
