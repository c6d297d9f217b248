/**
 * The report model: what the section builders produce and the renderers print. Every factual
 * sentence carries the numbers of the citations behind it; citations resolve to records (entities
 * and links), their sources and their grades in their own schemes.
 */
import type { HandlingCode } from '../schema/model.ts';

/** One sentence and the citations that back it (empty for framing text that states no fact). */
export interface Sentence {
  text: string;
  cites: number[];
}

/** A table: header, rows of cells, and the citations of each row. */
export interface Table {
  kind: 'table';
  caption: string;
  columns: string[];
  rows: { cells: string[]; cites: number[] }[];
}

/** A block of a section. */
export type Block =
  | { kind: 'paragraph'; sentences: Sentence[] }
  | { kind: 'list'; items: Sentence[] }
  | Table
  | { kind: 'figure'; caption: string; svg: string; cites: number[] }
  | { kind: 'heading'; text: string };

/** One numbered section of the report. */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** A record behind a citation. */
export interface CitedRecord {
  id: string;
  kind: 'entity' | 'link';
  label: string;
  name?: string;
  sources: string[];
  grade?: string;
  gradeScheme?: string;
  handling?: string;
}

/** One numbered citation. */
export interface Citation {
  n: number;
  records: CitedRecord[];
  /** Records behind the citation beyond those listed. */
  more: number;
}

/** A source as listed in the annex. */
export interface SourceEntry {
  id: string;
  name: string;
  agency?: string;
  date?: string;
  grades: string[];
}

/** The report's cover facts. */
export interface ReportMeta {
  title: string;
  caseName?: string;
  period: { from: string; until: string };
  compare: { from: string; until: string };
  generatedAt: string;
  /** The handling codes the reader is cleared for, and their agency. */
  clearance: { handling: HandlingCode[]; agency: string | null };
  /** The most restrictive handling code among the records the report includes. */
  handling: HandlingCode;
  handlingText: string;
  runId?: string;
}

/** The whole report. */
export interface ReportModel {
  meta: ReportMeta;
  sections: Section[];
  citations: Citation[];
  sources: SourceEntry[];
  /** The headline numbers, as printed, for checks against the analyses. */
  figures: Record<string, number>;
}
