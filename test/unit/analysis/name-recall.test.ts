/**
 * Recall of the name key on held-out pairs from the UN Al-Qaida Sanctions List (scripts/bench/
 * name-pairs.ts): the floors are the figures measured when the key was written (53.8% of
 * romanisation pairs and 25.2% of Arabic-script pairs by key, 59.2% by the identity similarity),
 * less a little, so that a change that loses recall, or matches different names, fails here.
 * scripts/bench/name-matching.ts prints the figures next to the approach the key replaced.
 */
import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../../analysis/findings/identity.ts';
import { nameKeys, searchKeys } from '../../../analysis/core/name-key.ts';
import { containsKeys, loadNamePairs, rate } from '../../../scripts/bench/name-pairs.ts';

const pairs = loadNamePairs();
const byKey = (pair: Parameters<typeof containsKeys>[1]) =>
  containsKeys(nameKeys, pair, (name) => searchKeys([name]));
const byIdentity = (pair: Parameters<typeof containsKeys>[1]) => nameSimilarity(pair.a, pair.b) >= 0.88;

describe('name key on held-out UN list pairs', () => {
  it('has hundreds of pairs of each kind to measure on', () => {
    expect(pairs.romanisations.length).toBeGreaterThan(400);
    expect(pairs.scripts.length).toBeGreaterThan(140);
    expect(pairs.namesakes.length).toBeGreaterThan(1000);
  });

  it('finds at least half of the romanisation pairs and a fifth of the Arabic-script ones', () => {
    expect(rate(pairs.romanisations, byKey)).toBeGreaterThan(0.5);
    expect(rate(pairs.scripts, byKey)).toBeGreaterThan(0.2);
  });

  it('matches almost no different names, even those sharing a word', () => {
    expect(rate(pairs.different, byKey)).toBeLessThan(0.005);
    expect(rate(pairs.namesakes, byKey)).toBeLessThan(0.005);
  });

  it('gives the identity analysis more than half of the romanisation pairs, few namesakes', () => {
    expect(rate(pairs.romanisations, byIdentity)).toBeGreaterThan(0.55);
    expect(rate(pairs.scripts, byIdentity)).toBeGreaterThan(0.7);
    expect(rate(pairs.namesakes, byIdentity)).toBeLessThan(0.03);
  });
});
