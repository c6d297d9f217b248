/**
 * Converts the public covert networks kept under `seeds/<net>/source/` (CAVIAR and the London street
 * gang, copied from the UCINET collection as packaged by networkdata) into Ariadne CSV pairs beside
 * them. Run: `npx tsx seeds/convert-covert.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertCaviar } from './covert/caviar.ts';
import { convertLondonGang } from './covert/london-gang.ts';

const here = import.meta.dirname;

/** Reads every CSV of a folder into a name -> text map. */
export function readFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir))
    if (name.endsWith('.csv')) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

/** Converts both networks and writes `entities.csv` and `links.csv` into their folders. */
export function convertCovertNetworks(root = here): void {
  const caviar = convertCaviar(readFolder(join(root, 'caviar', 'source')));
  writeFileSync(join(root, 'caviar', 'entities.csv'), caviar.entities);
  writeFileSync(join(root, 'caviar', 'links.csv'), caviar.links);
  const gang = readFolder(join(root, 'london-street-gang', 'source'));
  const london = convertLondonGang(gang['LONDON_GANG_nodes.csv'] ?? '', gang['LONDON_GANG_edges.csv'] ?? '');
  writeFileSync(join(root, 'london-street-gang', 'entities.csv'), london.entities);
  writeFileSync(join(root, 'london-street-gang', 'links.csv'), london.links);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) convertCovertNetworks();
