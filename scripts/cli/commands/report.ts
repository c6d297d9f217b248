/**
 * `ariadne report`: the joint threat report material for a case (or the whole database) and a
 * period, compared with the previous one, as PDF, HTML or Markdown. Run by the operator of the
 * database, so with full clearance; the report's handling code is the strictest it includes.
 */
import {
  checkProviderConsent,
  cliConsentMessage,
  ProviderConsentError,
} from '../../../server/export/marking.ts';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { parsePeriod } from '../../../server/report/periods.ts';
import { type Command, EXIT, parseCommand, report, UsageError } from '../common.ts';

const USAGE =
  'ariadne report [--case NAME] [--period FROM..TO] [--compare FROM..TO] --format pdf|html|md --out FILE\n  [--provider-consent AGENCY ...]';
const HELP = `usage: ${USAGE}

  --case NAME          only this case (id or exact name); default every case
  --period FROM..TO    the period reported on, ISO dates (default: the latest calendar year with
                       dated payments or events)
  --compare FROM..TO   the previous period routes and activity are compared with (default: the
                       period of the same length just before)
  --format FORMAT      pdf (printed by Debian's chromium), html (one self-contained page) or md
  --out FILE           where to write the report
  --provider-consent AGENCY
                       the report holds H2 records: confirm that this provider agreed to their
                       dissemination (once per provider; the command names those it needs)

The analyses run first and are recorded as an AnalysisRun, whose id the annex names.
`;

/** FROM..TO, checked before anything is read, with the message the report builder would give. */
const PeriodText = (what: string) =>
  z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (text === undefined) return;
      try {
        parsePeriod(text, what);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    });

const Options = z.strictObject({
  case: z.string().min(1).optional(),
  period: PeriodText('the period'),
  compare: PeriodText('the compared period'),
  format: z.enum(['pdf', 'html', 'md'], { message: 'use pdf, html or md' }),
  out: z.string().min(1, 'name the file to write'),
  'provider-consent': z.array(z.string().min(1)).optional(),
  help: z.boolean().optional(),
});

const FLAGS = {
  case: { type: 'string' },
  period: { type: 'string' },
  compare: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'provider-consent': { type: 'string', multiple: true },
} as const;

const say = (line: string) => process.stderr.write(`${line}\n`);

export const commands: Command[] = [
  {
    name: 'report',
    summary: 'write the joint threat report material (PDF, HTML or Markdown), every claim cited',
    usage: USAGE,
    async run(argv) {
      try {
        if (argv.includes('--help')) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        const opts = parseCommand(argv, FLAGS, Options);
        const { buildStoreReport, renderReport } = await import('../../../server/report/build-report.ts');
        const { ReportRequestError } = await import('../../../server/report/periods.ts');
        const { store } = await connect(loadConfig(), say, { migrate: true });
        try {
          const { model } = await buildStoreReport(store, {
            caseKey: opts.case,
            period: opts.period,
            compare: opts.compare,
            clearance: FULL_CLEARANCE,
            createdBy: 'cli',
            say,
            dissemination: (need) => {
              const providers = opts['provider-consent'];
              try {
                checkProviderConsent(need, providers === undefined ? undefined : { providers });
              } catch (error) {
                if (error instanceof ProviderConsentError)
                  throw new UsageError(cliConsentMessage(error.providers));
                throw error;
              }
            },
          });
          say(`rendering ${opts.format} ...`);
          const bytes = await renderReport(model, opts.format);
          await writeFile(opts.out, bytes);
          process.stdout.write(
            `wrote ${opts.out} (${bytes.length} bytes, ${model.citations.length} citations, handling ${model.meta.handling})\n`,
          );
          return EXIT.ok;
        } catch (error) {
          if (error instanceof ReportRequestError) throw new UsageError(error.message);
          throw error;
        } finally {
          await store.close();
        }
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];
