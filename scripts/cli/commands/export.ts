/**
 * `ariadne export`: the graph, or one case, as NDJSON or a CSV pair (both re-importable with
 * `ariadne ingest`) or as GEXF or GraphML for Gephi. Run by the database's operator, so with full
 * clearance; the files are written under temporary names and put in place only when complete.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { type ExportSummary, runExport } from '../../../server/export/export.ts';
import { GEXF_VERSIONS } from '../../../server/schema/api/export.ts';
import {
  checkProviderConsent,
  cliConsentMessage,
  markingOf,
  ProviderConsentError,
} from '../../../server/export/marking.ts';
import { readExportHolding, readProviders } from '../../../server/store/export-holding.ts';
import { storeSource } from '../../../server/export/store-source.ts';
import { EXPORT_FORMATS } from '../../../server/export/types.ts';
import { findExportCase } from '../../../server/store/export-reads.ts';
import type { Store } from '../../../server/store/store.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE =
  'ariadne export [--case NAME] --format ndjson|csv|gexf|graphml --out PATH [--excel-safe]\n  [--gexf-version 1.2|1.3] [--provider-consent AGENCY ...] [--json]';
const HELP = `usage: ${USAGE}

  --case NAME     only this case (by id or exact name): its members and the links between them
  --format F      ndjson or csv (re-importable with ariadne ingest), gexf or graphml (Gephi)
  --out PATH      the file to write; for csv, the folder that gets entities.csv and links.csv
  --gexf-version V
                  gexf only: 1.2 (the default; Gephi and networkx read it) or 1.3
  --provider-consent AGENCY
                  the export holds H2 records: confirm that this provider agreed to their
                  dissemination (once per provider; the command names those it needs)
  --excel-safe    csv only: prefix cells that start with = + - @ tab or CR with ' so a spreadsheet
                  shows them as text; the values change, so the files no longer re-import as they were
  --json          print the summary (files, counts per type, losses) as JSON
`;

const Options = z.strictObject({
  case: z.string().min(1).optional(),
  format: z.enum(EXPORT_FORMATS, { error: `use one of ${EXPORT_FORMATS.join(', ')}` }).optional(),
  out: z.string().min(1).optional(),
  'excel-safe': z.boolean().optional(),
  'gexf-version': z.enum(GEXF_VERSIONS, { error: `use ${GEXF_VERSIONS.join(' or ')}` }).optional(),
  'provider-consent': z.array(z.string().min(1)).optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

async function resolveCase(store: Store, key: string | undefined): Promise<string | undefined> {
  if (key === undefined) return undefined;
  const found = await findExportCase(store, FULL_CLEARANCE, key);
  if (found.found) return found.id;
  if (found.reason === 'ambiguous')
    throw new UsageError(
      `several cases are named ${JSON.stringify(key)}: pass one id (${found.candidates.join(', ')})`,
    );
  throw new UsageError(
    `no case has the id or name ${JSON.stringify(key)}: see the Case nodes in ariadne stats`,
  );
}

/**
 * The export's marking, once any H2 records in it have their providers' consent (`--provider-consent
 * AGENCY`, once per provider); without it the export stops before writing anything.
 */
async function dissemination(store: Store, caseId: string | undefined, providers: string[] | undefined) {
  const scope = { clearance: FULL_CLEARANCE, caseId };
  const holding = await readExportHolding(store, scope);
  const need = {
    h2: holding.codes.includes('H2'),
    providers: await readProviders(store, FULL_CLEARANCE, holding.h2Sources),
  };
  try {
    checkProviderConsent(need, providers === undefined ? undefined : { providers });
  } catch (error) {
    if (!(error instanceof ProviderConsentError)) throw error;
    throw new UsageError(cliConsentMessage(error.providers));
  }
  return markingOf(holding.codes);
}

function printSummary(summary: ExportSummary): void {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = [
    `exported ${total(summary.entities)} entities and ${total(summary.links)} links as ${summary.format}:`,
    ...summary.files.map((file) => `  ${file}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function warnLosses(summary: ExportSummary): void {
  for (const loss of summary.losses) {
    process.stderr.write(
      `ariadne: warning: ${loss.count} ${loss.type}.${loss.property} value(s) will not re-import as they were: ${loss.reason} (NDJSON carries them exactly)\n`,
    );
  }
}

export const commands: Command[] = [
  {
    name: 'export',
    summary: 'write the graph or one case as NDJSON, CSV, GEXF or GraphML',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(
          argv,
          {
            case: { type: 'string' },
            format: { type: 'string' },
            out: { type: 'string' },
            'excel-safe': { type: 'boolean' },
            'gexf-version': { type: 'string' },
            'provider-consent': { type: 'string', multiple: true },
            json: { type: 'boolean' },
          },
          Options,
        );
        if (opts.help) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        if (opts.format === undefined)
          throw new UsageError('--format is required: ndjson, csv, gexf or graphml');
        if (opts.out === undefined)
          throw new UsageError('--out is required: the file (or, for csv, the folder) to write');
        if (opts['excel-safe'] && opts.format !== 'csv')
          throw new UsageError('--excel-safe applies to --format csv only');
        if (opts['gexf-version'] && opts.format !== 'gexf')
          throw new UsageError('--gexf-version applies to --format gexf only');
        const { store } = await connect(loadConfig(), (line) => process.stderr.write(`${line}\n`), {
          migrate: true,
        });
        try {
          const caseId = await resolveCase(store, opts.case);
          const marking = await dissemination(store, caseId, opts['provider-consent']);
          const scores = opts.format === 'gexf' || opts.format === 'graphml';
          const summary = await runExport(storeSource(store, { clearance: FULL_CLEARANCE, caseId, scores }), {
            marking,
            format: opts.format,
            out: resolve(opts.out),
            excelSafe: opts['excel-safe'] === true,
            gexfVersion: opts['gexf-version'],
            description: caseId === undefined ? 'Ariadne export' : `Ariadne export of case ${caseId}`,
          });
          warnLosses(summary);
          if (opts.json) printJson({ ...summary, case: caseId ?? null, handling: marking.handling });
          else printSummary(summary);
        } finally {
          await store.close();
        }
        return EXIT.ok;
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];
