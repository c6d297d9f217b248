/**
 * The reports the demo case cites: a dozen agencies of several countries, each grading in its own
 * scheme (Europol 4x4 for most, UK 3x5x2 for the NCA, NATO Admiralty for the naval and US reports).
 */
import type { GradingScheme } from '../../../server/schema/model.ts';

/** One Source entity and the grades its records are given. */
export interface SourceSpec {
  id: string;
  name: string;
  reference: string;
  agency: string;
  country: string;
  date: string;
  gradeScheme: GradingScheme;
  /** Grades drawn for the records this source backs, most frequent first. */
  grades: readonly string[];
}

const EUROPOL_GRADES = ['B2', 'B2', 'B2', 'A2', 'B3', 'B1', 'C3', 'B4', 'X4'] as const;
const UK_GRADES = ['2BP', '1AP', '2BP', '2CP', '1BC', '3CP'] as const;
const ADMIRALTY_GRADES = ['B2', 'C3', 'B2', 'A2', 'B3', 'D4'] as const;

const s = (
  id: string,
  agency: string,
  country: string,
  reference: string,
  date: string,
  gradeScheme: GradingScheme,
  name: string,
): SourceSpec => ({
  id: `src:${id}`,
  name,
  reference,
  agency,
  country,
  date,
  gradeScheme,
  grades: gradeScheme === 'europol' ? EUROPOL_GRADES : gradeScheme === 'uk' ? UK_GRADES : ADMIRALTY_GRADES,
});

/** The reports, keyed by a short name the syndicate templates use. */
export const SOURCES = {
  europolEmsc: s(
    'europol-emsc',
    'Europol',
    'NL',
    'EMSC/2025/OAD-014',
    '2025-03-12',
    'europol',
    'EMSC operational analysis report',
  ),
  europolFin: s(
    'europol-efecc',
    'Europol',
    'NL',
    'EFECC/2025/FIN-207',
    '2025-05-20',
    'europol',
    'Financial intelligence report on smuggling proceeds',
  ),
  gdf: s(
    'gdf-palermo',
    'Guardia di Finanza',
    'IT',
    'GDF-PA/2024/1187',
    '2024-11-04',
    'europol',
    'Financial investigation report, Palermo',
  ),
  sco: s(
    'sco-agrigento',
    'Polizia di Stato - SCO',
    'IT',
    'SCO-AG/2024/0342',
    '2024-09-18',
    'europol',
    'Landing debriefing report, Agrigento',
  ),
  hcg: s(
    'hcg-lesvos',
    'Hellenic Coast Guard',
    'GR',
    'HCG-LES/2024/0907',
    '2024-10-02',
    'europol',
    'Interception and arrest report, Lesvos',
  ),
  jandarma: s(
    'jandarma-izmir',
    'Jandarma Genel Komutanligi',
    'TR',
    'JGK-IZM/2024/5521',
    '2024-07-15',
    'europol',
    'Coastal operation report, Izmir',
  ),
  bk: s(
    'bk-vienna',
    'Bundeskriminalamt',
    'AT',
    'BK-SOKO/2025/0219',
    '2025-02-27',
    'europol',
    'Joint investigation team interim report',
  ),
  mup: s(
    'mup-belgrade',
    'Ministry of Interior of Serbia',
    'RS',
    'MUP-UKP/2024/0788',
    '2024-12-09',
    'europol',
    'Organised crime directorate report',
  ),
  nca: s(
    'nca-london',
    'National Crime Agency',
    'GB',
    'NCA/OIC/2025/0133',
    '2025-04-08',
    'uk',
    'Organised immigration crime intelligence report',
  ),
  policiaNacional: s(
    'pn-canarias',
    'Policia Nacional - UCRIF',
    'ES',
    'UCRIF-CAN/2024/0456',
    '2024-11-21',
    'europol',
    'Canary Islands arrivals report',
  ),
  dnlt: s(
    'dnlt-dakar',
    'Police nationale du Senegal - DNLT',
    'SN',
    'DNLT/2024/0311',
    '2024-08-30',
    'europol',
    'Pirogue departures investigation report',
  ),
  irini: s(
    'eunavfor-irini',
    'EUNAVFOR MED IRINI',
    'IT',
    'IRINI/INT/2024/062',
    '2024-06-25',
    'admiralty',
    'Maritime surveillance report',
  ),
  hsi: s(
    'hsi-miami',
    'Homeland Security Investigations',
    'US',
    'HSI-MIA/2025/0098',
    '2025-01-16',
    'admiralty',
    'Human smuggling investigation summary',
  ),
  policiaColombia: s(
    'pn-colombia',
    'Policia Nacional de Colombia',
    'CO',
    'DIJIN/2024/1420',
    '2024-10-11',
    'europol',
    'Uraba smuggling structure report',
  ),
} as const satisfies Record<string, SourceSpec>;

/** A key of `SOURCES`. */
export type SourceKey = keyof typeof SOURCES;
