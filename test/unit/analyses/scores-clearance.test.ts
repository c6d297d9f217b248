import { describe, expect, it } from 'vitest';
import { type Clearance, clearanceCovers, FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { scoresForReader } from '../../../server/store/analysis-runs.ts';

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
  const properties = { id: 'p1', name: 'Anwar', a_run: 'run:1', a_betweenness: 0.4 };

  it('keeps the scores of a run the reader covers, and drops every a_ key otherwise', () => {
    expect(scoresForReader(GDF, properties, JSON.stringify(GDF))).toEqual(properties);
    expect(scoresForReader(LOW, properties, JSON.stringify(GDF))).toEqual({ id: 'p1', name: 'Anwar' });
  });

  it('drops them when the run is gone or its clearance cannot be read', () => {
    for (const stored of [null, 'not json', '{"handling":["H9"],"agency":null}']) {
      expect(scoresForReader(GDF, properties, stored)).toEqual({ id: 'p1', name: 'Anwar' });
    }
  });
});
