/** The analysis runner: the set of analyses on a projected or loaded graph and its records, paths and money for the CLI, API and reports. */
export { ANALYSE_KIND, analyseStore, type StoredAnalysis } from './analyse-store.ts';
export { graphFromRecords, type RecordProblem, RecordGraphBuilder } from './graph-from-records.ts';
export { type LoadedFiles, loadGraphFromFiles } from './load-files.ts';
export { findEntityPaths, PATH_DEFAULTS, type PathOptions, type PathsResult } from './paths.ts';
export { DEFAULT_RATES, loadRates, RATES_BASE, RatesFileError } from './rates.ts';
export { planSteps, runAnalyses } from './run-analyses.ts';
export * from './types.ts';
