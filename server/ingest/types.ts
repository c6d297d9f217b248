/** The ingest pipeline's options, progress events and report. */
import type { Clearance } from '../auth/context.ts';
import type { DateFormat } from '../schema/normalise/date.ts';
import type { GradingScheme, HandlingCode } from '../schema/model.ts';
import type { FieldConflict } from '../store/ingest-writes.ts';
import type { InputFormat } from './readers/index.ts';

/** How an import is run (the CLI's options, validated). */
export interface IngestOptions {
  format?: InputFormat | 'auto';
  /** A Source reference: the default source of every record, created as Source `src:<ref>` if missing. */
  source?: string | undefined;
  grade?: string | undefined;
  scheme?: GradingScheme | undefined;
  handling?: HandlingCode | undefined;
  handlingCondition?: string | undefined;
  /** A Case name: the Case is created and every imported entity is linked PART_OF it. */
  caseName?: string | undefined;
  dateFormat?: DateFormat | undefined;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** Recorded as createdBy. */
  user: string;
  /** The clearance the import is made under (an API user's); absent for the operator, who sees all. */
  clearance?: Clearance | undefined;
  /**
   * Threads validating records beside the import's own (validate-threads.ts); by default two for an
   * input of 32 MB or more, none below. The outcome is the same with any number.
   */
  validationThreads?: number;
  /** Rows per write batch (default 10,000). */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Called after each committed batch; tests use it to interrupt an import. */
  afterBatch?: (index: number) => Promise<void> | void;
}

/**
 * Where the pipeline is: reading and validating, checking links, or writing (with a total); a bulk
 * load writes the importer's files, then loads them.
 */
export interface IngestProgress {
  phase: 'validate' | 'check' | 'write' | 'files' | 'load';
  done: number;
  total?: number | undefined;
  /** Where no total is known yet (validation of files): the share of the input read, 0 to 1. */
  fraction?: number | undefined;
  /** In the write phase: milliseconds spent so far waiting on Neo4j's commits. */
  storeMs?: number | undefined;
}

/** One problem, with its place. */
export interface IngestIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Counts per label or type. */
export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** What an import did, or why it did nothing. */
export interface IngestReport {
  importId: string;
  status: 'complete' | 'already-imported' | 'invalid' | 'dry-run';
  /** When it was first imported (for `already-imported`). */
  importedAt?: string | undefined;
  /** Whether this run finished an interrupted import. */
  resumed: boolean;
  files: string[];
  records: number;
  /** Validated records per label and type. */
  valid: Record<string, number>;
  counts: Record<string, TypeCounts>;
  totals: TypeCounts;
  errorCount: number;
  /** The first problems (all of them are in the errors or rejects files). */
  errors: IngestIssue[];
  /** Files holding every problem, beside the inputs. */
  errorFiles: string[];
  conflictCount: number;
  conflicts: FieldConflict[];
  warnings: string[];
}
