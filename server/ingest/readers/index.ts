/** The ingest readers' public surface: what the pipeline imports. */
export { readCsv } from './csv.ts';
export type { InputFormat, ReadRecordsOptions } from './detect.ts';
export { detectFormat, INPUT_FORMATS, readRecordBatches, readRecords } from './detect.ts';
export { FTM_MAPPERS, readFtm } from './ftm.ts';
export { readNdjson } from './ndjson.ts';
export type { RawRecord, ReadError, ReadItem, ReadOptions, ReadStats, RecordKind } from './types.ts';
export { createReadStats, DEFAULT_MAX_LINE_BYTES, isReadError } from './types.ts';
