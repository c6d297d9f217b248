/**
 * Name matching benchmark: recall on held-out romanisation and script pairs and the false-match rate
 * on pairs of different names (scripts/bench/name-pairs.ts, from the UN Al-Qaida Sanctions List),
 * for the name key of analysis/core/name-key.ts next to what it replaced, in four uses:
 * - key: every word of one name has its key among the other's (new: Double Metaphone name keys;
 *   before: the identity analysis's hand-written variant list, copied below as it was);
 * - search: a search for one name finds the other (before: the words, a prefix of them or one edit
 *   away from five letters on, as the full-text query does; new: that, or the name keys);
 * - watch: a name watch on one meets the other (before: the folded text, equal; new: the name key, equal);
 * - identity: the identity analysis's name similarity reaches its 0.88 threshold.
 * Then the time to key every name, with the load average. Prints figures; nothing here is a test.
 * Usage: node --import tsx scripts/bench/name-matching.ts
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { jaroWinkler, nameSimilarity } from '../../analysis/findings/identity.ts';
import { nameKey, nameKeys, searchKeys } from '../../analysis/core/name-key.ts';
import { foldName } from '../../server/schema/normalise/text.ts';
import { containsKeys, loadNamePairs, type NamePair, rate } from './name-pairs.ts';

// The identity analysis's variant list before the name key (analysis/findings/identity.ts, commit e44f311).
const VARIANTS: [RegExp, string][] = [
  [/\b(?:moh?amm?[ae]d|muh?amm?[ae]d|mohd|mhd)\b/g, 'muhammad'],
  [/\babd(?:ul|el|al|ol|ool)\s*|\babd\s+(?:al|el|ul)\s+/g, 'abdal'],
  [/\b(?:al|el)\s+/g, 'al'],
  [/\by(?:o|u)(?:u)?s(?:s)?[eiu]f\b/g, 'yusuf'],
  [/\bh(?:o|u)s(?:s)?[ae](?:i|y)n\b/g, 'husayn'],
  [/\bahm[ae]d\b/g, 'ahmad'],
  [/\b(?:o|u)mar\b/g, 'umar'],
  [/\b(?:o|u)sama\b/g, 'usama'],
  [/\bm(?:o|u|ou)stafa\b/g, 'mustafa'],
  [/\bkhal[ei]d\b/g, 'khalid'],
  [/\bmahm(?:ou|u)d\b/g, 'mahmud'],
  [/\b[ei]brahim\b/g, 'ibrahim'],
];

function variantTokens(name: string): string[] {
  let folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [pattern, canonical] of VARIANTS) folded = folded.replace(pattern, canonical);
  return folded
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => token.replace(/(.)\1+/g, '$1').replace(/ou|oo/g, 'u'));
}

const words = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether b is a within one edit (a letter changed, added, dropped, or two neighbours swapped). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function wordSearch(pair: NamePair): boolean {
  const [x, y] = [words(pair.a), words(pair.b)];
  const [query, found] = x.length <= y.length ? [x, y] : [y, x];
  return (
    query.length > 0 &&
    query.every((w) =>
      found.some((t) => t === w || t.startsWith(w) || (w.length >= 5 && withinOneEdit(w, t))),
    )
  );
}

const oldSimilarity = (pair: NamePair) =>
  jaroWinkler(variantTokens(pair.a).sort().join(' '), variantTokens(pair.b).sort().join(' '));

const USES: { use: string; before: (p: NamePair) => boolean; now: (p: NamePair) => boolean }[] = [
  { use: 'key', before: (p) => containsKeys(variantTokens, p), now: (p) => containsKeys(nameKeys, p) },
  {
    use: 'search',
    before: wordSearch,
    now: (p) => wordSearch(p) || containsKeys(nameKeys, p, (name) => searchKeys([name])),
  },
  {
    use: 'watch',
    before: (p) => foldName(p.a) === foldName(p.b),
    now: (p) => nameKey(p.a) !== '' && nameKey(p.a) === nameKey(p.b),
  },
  { use: 'identity', before: (p) => oldSimilarity(p) >= 0.88, now: (p) => nameSimilarity(p.a, p.b) >= 0.88 },
];

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
const say = (line: string) => process.stdout.write(`${line}\n`);

const pairs = loadNamePairs();
say(
  `name matching, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}`,
);
say(
  `pairs: ${pairs.romanisations.length} romanisation, ${pairs.scripts.length} Arabic script, ${pairs.different.length} different names, ${pairs.namesakes.length} different names sharing a word`,
);
say('use       | romanisation recall | Arabic-script recall | false matches       | false, sharing a word');
say('          |  before    now      |  before    now       |  before    now      |  before    now');
for (const { use, before, now } of USES) {
  const cells = [pairs.romanisations, pairs.scripts, pairs.different, pairs.namesakes].map(
    (set) => `${pct(rate(set, before))}  ${pct(rate(set, now))}   `,
  );
  say(`${use.padEnd(9)} | ${cells.join(' | ')}`);
}

const names = [...pairs.romanisations, ...pairs.scripts].flatMap((p) => [p.a, p.b]);
const time = (fn: (name: string) => unknown) => {
  const start = performance.now();
  for (let round = 0; round < 20; round++) for (const name of names) fn(name);
  return (performance.now() - start) / (20 * names.length);
};
time(nameKey);
const [keyed, folded] = [time(nameKey), time(variantTokens)];
say(
  `time per name: name key ${(keyed * 1000).toFixed(1)} µs, variant list ${(folded * 1000).toFixed(1)} µs (ratio ${(keyed / folded).toFixed(1)}), over ${names.length} names, load ${loadavg()[0]?.toFixed(1)}`,
);
