import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../seeds/convert-covert.ts';
import { convertCaviar, mapCaviarRole } from '../../../seeds/covert/caviar.ts';
import { parseCsv } from '../../../seeds/covert/csv.ts';
import { convertLondonGang } from '../../../seeds/covert/london-gang.ts';

const seeds = join(import.meta.dirname, '..', '..', '..', 'seeds');
const committed = (net: string, file: string) => readFileSync(join(seeds, net, file), 'utf8');

describe('the CAVIAR conversion', () => {
  const caviar = convertCaviar(readFolder(join(seeds, 'caviar', 'source')));
  const entities = parseCsv(caviar.entities);
  const links = parseCsv(caviar.links);

  it('matches the committed CSV pair', () => {
    expect(caviar.entities).toBe(committed('caviar', 'entities.csv'));
    expect(caviar.links).toBe(committed('caviar', 'links.csv'));
  });

  it('has 110 persons, one source and 205 CONTACTED links weighted by calls', () => {
    expect(entities.filter((e) => e.type === 'Person')).toHaveLength(110);
    expect(entities.filter((e) => e.type === 'Source')).toHaveLength(1);
    expect(links).toHaveLength(205);
    expect(links.every((l) => l.type === 'CONTACTED' && Number(l.weight) > 0)).toBe(true);
    const ids = new Set(entities.map((e) => e.id));
    expect(links.filter((l) => !ids.has(l.source ?? '') || !ids.has(l.target ?? ''))).toEqual([]);
  });

  it("maps Morselli's roles onto Ariadne roles where they fit", () => {
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('caviar:n1')?.roles).toBe('organiser');
    expect(byId.get('caviar:n83')?.roles).toBe('money broker|transporter');
    expect(byId.get('caviar:n85')?.caviarRole).toBe('accountant (financial affairs)');
    expect(mapCaviarRole('cocaine provider')).toEqual([]);
  });
});

describe('the London street gang conversion', () => {
  const gang = readFolder(join(seeds, 'london-street-gang', 'source'));
  const london = convertLondonGang(gang['LONDON_GANG_nodes.csv'] ?? '', gang['LONDON_GANG_edges.csv'] ?? '');
  const entities = parseCsv(london.entities);
  const links = parseCsv(london.links);

  it('matches the committed CSV pair', () => {
    expect(london.entities).toBe(committed('london-street-gang', 'entities.csv'));
    expect(london.links).toBe(committed('london-street-gang', 'links.csv'));
  });

  it('turns kin ties into FAMILY_OF and the others into ASSOCIATE_OF with the kind of tie', () => {
    expect(entities.filter((e) => e.type === 'Person')).toHaveLength(54);
    expect(links).toHaveLength(315);
    expect(links.filter((l) => l.type === 'FAMILY_OF').every((l) => l.tie === 'kin')).toBe(true);
    const ties = new Set(links.filter((l) => l.type === 'ASSOCIATE_OF').map((l) => l.tie));
    expect(ties).toEqual(new Set(['hang out', 'co-offend', 'serious crime']));
    expect(entities.find((e) => e.id === 'london-gang:1')?.ranking).toBe('1');
  });

  it('gives every row of both networks a source, a Europol B2 grade and handling H0', () => {
    const caviar = convertCaviar(readFolder(join(seeds, 'caviar', 'source')));
    const rows = [caviar.entities, caviar.links, london.entities, london.links].flatMap(parseCsv);
    const bad = rows.filter(
      (r) => !r.sources || r.grade !== 'B2' || r.gradeScheme !== 'europol' || r.handling !== 'H0',
    );
    expect(bad).toEqual([]);
    expect(rows.filter((r) => r.type === 'Person' && !r.sourceRef)).toEqual([]);
  });
});
