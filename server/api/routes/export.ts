/**
 * `GET /api/export`: the graph, or one case, as the caller may see it, streamed as NDJSON, GEXF,
 * GraphML or one CSV table (entities or links, as `ariadne export` writes them). CSV cells that a
 * spreadsheet would run as formulas are neutralised, since a download is opened in one. What the
 * export holds is read first: the audit event (format, counts, handling, any provider consent) is
 * written before a byte is sent, the file and the `X-Ariadne-Handling` header carry the strictest
 * handling code, and H2 records leave only once the caller confirms their providers agreed.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Audit } from '../../audit/audit-trail.ts';
import { clearanceOf } from '../../auth/context.ts';
import { EXPORT } from '../../auth/roles.ts';
import { scanColumns } from '../../export/columns.ts';
import { writeCsv } from '../../export/csv.ts';
import { writeGexf } from '../../export/gexf.ts';
import { writeGraphml } from '../../export/graphml.ts';
import { LossTally } from '../../export/losses.ts';
import { writeNdjson } from '../../export/ndjson.ts';
import { storeSource } from '../../export/store-source.ts';
import { EXPORT_FORMATS, type ExportSource, type TextSink } from '../../export/types.ts';
import { type Marking, markingOf } from '../../export/marking.ts';
import type { Clearance } from '../../schema/clearance.ts';
import { readExportHolding, readProviders, readShownHolding } from '../../store/export-holding.ts';
import {
  GEXF_VERSIONS,
  type GexfVersion,
  ViewExportAnswerSchema,
  ViewExportBodySchema,
  ViewGexfBodySchema,
} from '../../schema/api/export.ts';
import { findExportCase } from '../../store/export-reads.ts';
import type { Store } from '../../store/store.ts';
import { DISCARD, ResponseSink } from '../http-sink.ts';
import { CONSENT_REFUSED, ConsentQuerySchema, consentOf, requireConsent } from '../consent.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

export const ExportQuerySchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS, { error: `use one of ${EXPORT_FORMATS.join(', ')}` }),
    case: z.string().min(1).max(512).optional().meta({ description: 'A case id or exact name' }),
    table: z
      .enum(['entities', 'links'], { error: 'use entities or links' })
      .optional()
      .meta({ description: 'csv only: which table of the pair (default entities)' }),
    gexfVersion: z
      .enum(GEXF_VERSIONS, { error: `use ${GEXF_VERSIONS.join(' or ')}` })
      .optional()
      .meta({ description: 'gexf only: 1.2 (default; Gephi and networkx read it) or 1.3' }),
    ...ConsentQuerySchema.shape,
  })
  .refine((q) => q.gexfVersion === undefined || q.format === 'gexf', {
    path: ['gexfVersion'],
    message: 'gexfVersion applies to format=gexf only: drop it',
  })
  .refine((q) => q.table === undefined || q.format === 'csv', {
    path: ['table'],
    message: 'table applies to format=csv only: drop it',
  });

const MEDIA: Record<(typeof EXPORT_FORMATS)[number], { type: string; extension: string }> = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  gexf: { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
  graphml: { type: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
};

async function* counted<T extends { type: string }>(
  records: AsyncIterable<T>,
  counts: Record<string, number>,
) {
  for await (const record of records) {
    counts[record.type] = (counts[record.type] ?? 0) + 1;
    yield record;
  }
}

const none = async function* () {};
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The export router. */
export function exportRouter({ store }: { store: Store }): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/api/export',
      deadline: false,
      summary: 'The graph or a case as you may see it: NDJSON, one CSV table, GEXF or GraphML, streamed',
      tags: ['export'],
      roles: EXPORT,
      query: ExportQuerySchema,
      responses: {
        200: { description: 'The file, as an attachment', contentType: 'application/x-ndjson' },
        404: { description: 'No such case, or not one you may see' },
        409: CONSENT_REFUSED,
      },
    },
    async ({ query, viewer, audit, res }) => {
      const clearance = clearanceOf(viewer);
      let caseId: string | undefined;
      if (query.case !== undefined) {
        const found = await findExportCase(store, clearance, query.case);
        if (!found.found && found.reason === 'ambiguous')
          throw new HttpError(
            400,
            `Several cases have that name: pass one id (${found.candidates.join(', ')})`,
          );
        if (!found.found) throw new HttpError(404, 'No such case, or not one you may see');
        caseId = found.id;
      }
      const scores = query.format === 'gexf' || query.format === 'graphml';
      const base = storeSource(store, { clearance, caseId, scores });
      const table = query.format === 'csv' ? (query.table ?? 'entities') : undefined;
      // One table of the pair: the other side of the source is empty, so it is neither read nor written.
      const source: ExportSource = {
        entities: table === 'links' ? none : base.entities,
        links: table === 'entities' ? none : base.links,
      };
      const holding = await readExportHolding(
        store,
        { clearance, caseId },
        { entities: source.entities !== none, links: source.links !== none },
      );
      const consent = consentOf(query);
      const parameters = { format: query.format, case: caseId ?? null, ...(table ? { table } : {}) };
      const need = {
        h2: holding.codes.includes('H2'),
        providers: await readProviders(store, clearance, holding.h2Sources),
      };
      await requireConsent(need, consent, audit, 'export', caseId ? [caseId] : [], parameters);
      const marking = markingOf(holding.codes);
      // Written before the first byte: an export that cannot be audited does not leave.
      await report(
        audit,
        caseId,
        {
          ...parameters,
          entities: holding.entities,
          links: holding.links,
          handling: marking.handling,
          ...(need.h2 ? { providerConsent: consent?.providers ?? [] } : {}),
        },
        'ok',
      );
      const media = MEDIA[query.format];
      const name = `ariadne-export${caseId ? `-${caseId.replace(/[^\w.-]+/g, '_')}` : ''}${table ? `-${table}` : ''}`;
      res.setHeader('Content-Type', media.type);
      res.setHeader('Content-Disposition', `attachment; filename="${name}.${media.extension}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Ariadne-Handling', marking.handling);
      const counts = { entities: {} as Record<string, number>, links: {} as Record<string, number> };
      const writing: ExportSource = {
        entities: () => counted(source.entities(), counts.entities),
        links: () => counted(source.links(), counts.links),
      };
      const sink = new ResponseSink(res);
      const losses = new LossTally();
      try {
        await write(query.format, source, writing, sink, losses, caseId, marking, query.gexfVersion);
      } catch (error) {
        await report(audit, caseId, { ...parameters, ...totals(counts) }, 'error');
        if (!res.headersSent) throw error;
        res.destroy();
        return;
      }
      await sink.end();
    },
  );
  route(
    router,
    {
      method: 'post',
      path: '/api/export/view',
      summary:
        'Before the web app saves what it shows (PNG, SVG, CSV, GEXF): the marking of those records, audited',
      tags: ['export'],
      roles: EXPORT,
      body: ViewExportBodySchema,
      responses: {
        200: { description: 'The marking to print on the file', schema: ViewExportAnswerSchema },
        404: { description: 'Some records are not ones you may see, or no longer exist' },
        409: CONSENT_REFUSED,
      },
    },
    async ({ body, viewer, audit }) => {
      const { holding, marking } = await clearShown(store, clearanceOf(viewer), audit, body, body.format);
      return {
        handling: marking.handling,
        text: marking.text,
        entities: holding.entities,
        links: holding.links,
      };
    },
  );
  route(
    router,
    {
      method: 'post',
      path: '/api/export/view/gexf',
      deadline: false,
      summary:
        'What the web app shows, as GEXF for Gephi: the named records as you may see them, with their analysis scores and how each node is drawn; marked and audited',
      tags: ['export'],
      roles: EXPORT,
      body: ViewGexfBodySchema,
      responses: {
        200: { description: 'The GEXF file, as an attachment', contentType: 'application/gexf+xml' },
        404: { description: 'Some records are not ones you may see, or no longer exist' },
        409: CONSENT_REFUSED,
      },
    },
    async ({ body, viewer, audit, res }) => {
      const clearance = clearanceOf(viewer);
      const { holding, marking } = await clearShown(store, clearance, audit, body, 'gexf');
      const named = { entities: body.entities, links: body.links };
      const source = storeSource(store, { clearance, named, scores: true });
      res.setHeader('Content-Type', MEDIA.gexf.type);
      res.setHeader('Content-Disposition', `attachment; filename="ariadne-view-${marking.handling}.gexf"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Ariadne-Handling', marking.handling);
      res.setHeader('X-Ariadne-Marking', encodeURIComponent(marking.text));
      res.setHeader('X-Ariadne-Counts', `${holding.entities},${holding.links}`);
      const sink = new ResponseSink(res);
      const drawing = body.drawing ? new Map(Object.entries(body.drawing)) : undefined;
      try {
        await writeGexf(source, await scanColumns(source), sink, {
          description: 'Ariadne export of a view',
          marking,
          version: body.gexfVersion,
          drawing,
        });
      } catch (error) {
        if (!res.headersSent) throw error;
        res.destroy();
        return;
      }
      await sink.end();
    },
  );
  return router;
}

/**
 * The step before any file of the web app's view is made: what the named records hold, as the
 * caller may see them (a hidden record and a missing id get the same answer: the view is out of
 * date), H2 held back until its providers' agreement is confirmed, and the audit event written.
 */
async function clearShown(
  store: Store,
  clearance: Clearance,
  audit: Audit,
  body: { entities: string[]; links: string[] } & z.output<typeof ConsentQuerySchema>,
  format: string,
): Promise<{ holding: { entities: number; links: number }; marking: Marking }> {
  const holding = await readShownHolding(store, clearance, body);
  if (!holding.complete)
    throw new HttpError(
      404,
      'Some records of the view are not ones you may see, or no longer exist: reload the view and export again',
    );
  const consent = consentOf(body);
  const parameters = { format, view: true };
  const need = {
    h2: holding.codes.includes('H2'),
    providers: await readProviders(store, clearance, holding.h2Sources),
  };
  const about = [...new Set([...body.entities, ...body.links])];
  await requireConsent(need, consent, audit, 'export', [], parameters, 'body');
  const marking = markingOf(holding.codes);
  await audit({
    action: 'export',
    targets: [],
    about,
    parameters: {
      ...parameters,
      entities: holding.entities,
      links: holding.links,
      handling: marking.handling,
      ...(need.h2 ? { providerConsent: consent?.providers ?? [] } : {}),
    },
    outcome: 'ok',
  });
  return { holding, marking };
}

function totals(counts: { entities: Record<string, number>; links: Record<string, number> }) {
  return { entities: total(counts.entities), links: total(counts.links) };
}

async function report(
  audit: Audit,
  caseId: string | undefined,
  parameters: Record<string, unknown>,
  outcome: 'ok' | 'error',
): Promise<void> {
  const named = caseId ? [caseId] : [];
  await audit({ action: 'export', targets: named, about: named, parameters, outcome });
}

async function write(
  format: (typeof EXPORT_FORMATS)[number],
  source: ExportSource,
  writing: ExportSource,
  sink: ResponseSink,
  losses: LossTally,
  caseId: string | undefined,
  marking: Marking,
  gexfVersion: GexfVersion | undefined,
): Promise<void> {
  if (format === 'ndjson') return writeNdjson(writing, sink, losses, marking);
  const columns = await scanColumns(source);
  if (format === 'csv') {
    // The table not asked for is empty; its header goes nowhere.
    const tables: { entities: TextSink; links: TextSink } =
      source.entities === none ? { entities: DISCARD, links: sink } : { entities: sink, links: DISCARD };
    return writeCsv(writing, columns, tables, losses, { excelSafe: true, marking });
  }
  if (format === 'gexf')
    return writeGexf(writing, columns, sink, {
      description: caseId === undefined ? 'Ariadne export' : `Ariadne export of case ${caseId}`,
      marking,
      version: gexfVersion,
    });
  return writeGraphml(writing, columns, sink, marking);
}
