import { describe, expect, it } from 'vitest';
import { type Clearance, clearanceCovers, FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { partitionOf, type ScoreRun, scoresForReader } from '../../../server/store/analysis-scores.ts';

const LOW: Clearance = { handling: ['H0', 'H1'], agency: 'Frontex' };
const LOW_NO_AGENCY: Clearance = { handling: ['H0', 'H1'], agency: null };
const GDF: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' };
const EUROPOL: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' };

describe('clearanceCovers(reader, run)', () => {
  it.each([
    ['the same clearance', LOW, LOW, true],
    ['more handling codes, same agency', { ...LOW, handling: ['H0', 'H1', 'H2'] }, LOW, true],
    ['fewer handling codes', LOW, GDF, false],
    ['every code, another agency', EUROPOL, GDF, false],
    ['a run with no agency, which saw no restricted record', EUROPOL, LOW_NO_AGENCY, true],
    ['an unrestricted run, for an agency', GDF, FULL_CLEARANCE, false],
    ['an unrestricted reader', FULL_CLEARANCE, GDF, true],
  ] as const)('%s: %s', (_name, reader, run, covered) => {
    expect(clearanceCovers(reader as Clearance, run as Clearance)).toBe(covered);
  });
});

describe('scoresForReader', () => {
  const gdf = partitionOf(GDF);
  const low = partitionOf(LOW);
  const properties = {
    id: 'p1',
    name: 'Anwar',
    [`a_${gdf}_run`]: 'run:gdf',
    [`a_${gdf}_betweenness`]: 0.4,
    [`a_${gdf}_community`]: 2,
    [`a_${low}_run`]: 'run:low',
    [`a_${low}_betweenness`]: 0.1,
    [`a_${low}_community`]: null,
  };
  const runs: ScoreRun[] = [
    { id: 'run:gdf', clearance: JSON.stringify(GDF), finishedAt: '2025-01-01T00:00:00Z' },
    { id: 'run:low', clearance: JSON.stringify(LOW), finishedAt: '2025-02-01T00:00:00Z' },
  ];

  it('shows the scores of the fullest run the reader covers, under plain a_ names', () => {
    expect(scoresForReader(GDF, properties, runs)).toEqual({
      id: 'p1',
      name: 'Anwar',
      a_run: 'run:gdf',
      a_betweenness: 0.4,
      a_community: 2,
    });
    expect(scoresForReader(LOW, properties, runs)).toEqual({
      id: 'p1',
      name: 'Anwar',
      a_run: 'run:low',
      a_betweenness: 0.1,
    });
  });

  it('shows nothing of a run the reader does not cover', () => {
    expect(scoresForReader(EUROPOL, properties, runs)).toEqual({ id: 'p1', name: 'Anwar' });
    expect(scoresForReader(LOW_NO_AGENCY, properties, runs)).toEqual({ id: 'p1', name: 'Anwar' });
  });

  it('drops scores whose run is gone, names another run, or has a clearance that cannot be read', () => {
    expect(scoresForReader(GDF, properties, [])).toEqual({ id: 'p1', name: 'Anwar' });
    const other = [{ ...(runs[0] as ScoreRun), id: 'run:other' }];
    expect(scoresForReader(GDF, properties, other)).toEqual({ id: 'p1', name: 'Anwar' });
    for (const clearance of [null, 'not json', '{"handling":["H9"],"agency":null}'])
      expect(scoresForReader(GDF, properties, [{ ...(runs[0] as ScoreRun), clearance }])).toEqual({
        id: 'p1',
        name: 'Anwar',
      });
  });

  it('drops scores kept without a partition (an older database) or under a forged one', () => {
    const legacy = { id: 'p1', a_run: 'run:gdf', a_betweenness: 0.4, a_000000000000_betweenness: 1 };
    expect(scoresForReader(FULL_CLEARANCE, legacy, runs)).toEqual({ id: 'p1' });
  });
});
