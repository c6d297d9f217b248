/** Section 4, Modi operandi: transport and vessels, document fraud, recruitment and adverts, corruption. */
import { entitiesOfType, nameOf, plural, type ReportContext, say } from '../context.ts';
import type { Block, Section, Sentence } from '../types.ts';

const groupBy = (ids: string[], key: (id: string) => string) => {
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(key(id), [...(groups.get(key(id)) ?? []), id]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
};

function transport(ctx: ReportContext): Sentence[] {
  const { graph } = ctx;
  const routes = entitiesOfType(graph, 'Route');
  const vessels = entitiesOfType(graph, 'Vessel');
  const vehicles = entitiesOfType(graph, 'Vehicle');
  const out: Sentence[] = [];
  for (const [mode, ids] of groupBy(routes, (id) =>
    String(graph.getNodeAttribute(id, 'mode') ?? 'unrecorded mode'),
  ))
    out.push(say(ctx, `${plural(ids.length, 'route')} by ${mode}.`, ids));
  if (vessels.length > 0)
    out.push(
      say(
        ctx,
        `${plural(vessels.length, 'vessel')} and ${plural(vehicles.length, 'vehicle')} are linked to the networks.`,
        [...vessels, ...vehicles],
      ),
    );
  const histories = (ctx.result.vessels?.histories ?? []).filter((h) => h.renamed || h.reflagged);
  ctx.figures.renamedVessels = histories.length;
  for (const h of histories.slice(0, 6))
    out.push(
      say(
        ctx,
        `Vessel ${h.name ?? nameOf(ctx, h.vessel)} was ${[h.renamed ? `renamed (formerly ${h.pastNames.join(', ')})` : '', h.reflagged ? `reflagged (formerly ${h.pastFlags.join(', ')})` : ''].filter(Boolean).join(' and ')}, with ${plural(h.events.length, 'event')} and ${plural(h.payments.length, 'payment')} linked to it.`,
        [h.vessel, ...h.events, ...h.payments],
      ),
    );
  for (const s of (ctx.result.vessels?.sharedIdentifiers ?? []).slice(0, 4))
    out.push(
      say(
        ctx,
        `${plural(s.nodes.length, s.entityType.toLowerCase())} carry the same ${s.key} ${s.value}.`,
        s.nodes,
      ),
    );
  return out;
}

function documents(ctx: ReportContext): Sentence[] {
  const d = ctx.result.documents;
  if (!d) return [];
  ctx.figures.reusedDocuments = d.shared.length;
  ctx.figures.compromisedDocuments = d.compromised.length;
  const out: Sentence[] = [];
  for (const [status, hits] of groupBy(
    d.compromised.map((c) => c.document),
    (id) => d.compromised.find((c) => c.document === id)?.status ?? '',
  ))
    out.push(say(ctx, `${plural(hits.length, 'document')} in use are recorded as ${status}.`, hits));
  out.push(
    say(
      ctx,
      `${plural(d.shared.length, 'document')} are reused: held or used by more than one person.`,
      d.shared.map((s) => s.document),
    ),
  );
  for (const s of d.shared.slice(0, 12))
    out.push(
      say(
        ctx,
        `Document ${nameOf(ctx, s.document)} (${s.document}) is used by ${s.people.map((p) => nameOf(ctx, p)).join(', ')}.`,
        [s.document, ...s.people],
      ),
    );
  if (d.multipleIdentities.length > 0)
    out.push(
      say(
        ctx,
        `${plural(d.multipleIdentities.length, 'person')} hold several documents of one kind from different issuers or in different names.`,
        d.multipleIdentities.map((m) => m.person),
      ),
    );
  if (d.series.length > 0)
    out.push(
      say(
        ctx,
        `${plural(d.series.length, 'series', 'series')} of documents share issuer and number prefix, a sign of a batch of blanks or forgeries.`,
        d.series.flatMap((s) => s.documents),
      ),
    );
  return out;
}

function recruitment(ctx: ReportContext): Sentence[] {
  const { graph } = ctx;
  const adverts = entitiesOfType(graph, 'Communication', (a) => a.kind === 'advert');
  ctx.figures.adverts = adverts.length;
  const out: Sentence[] = [];
  for (const [platform, ids] of groupBy(adverts, (id) =>
    String(graph.getNodeAttribute(id, 'platform') ?? 'unknown platform'),
  ))
    out.push(say(ctx, `${plural(ids.length, 'advert')} on ${platform}.`, ids));
  const recruiters = entitiesOfType(graph, 'Person', (a) =>
    (a.roles ?? []).some((r) => r === 'recruiter' || r === 'online advertiser'),
  );
  if (recruiters.length > 0)
    out.push(say(ctx, `${plural(recruiters.length, 'person')} recruit or advertise.`, recruiters));
  return out;
}

function corruption(ctx: ReportContext): Sentence[] {
  const officials = entitiesOfType(ctx.graph, 'Person', (a) => (a.roles ?? []).includes('corrupt official'));
  const offences = entitiesOfType(ctx.graph, 'Offence', (a) => a.category === 'corruption');
  ctx.figures.corruptOfficials = officials.length;
  if (officials.length === 0 && offences.length === 0)
    return [say(ctx, 'No corruption is recorded in scope.')];
  return [
    say(
      ctx,
      `${plural(officials.length, 'official')} are recorded as corrupt, and ${plural(offences.length, 'corruption offence')}.`,
      [...officials, ...offences],
    ),
    ...officials
      .slice(0, 5)
      .map((o) => say(ctx, `${nameOf(ctx, o)} (${o}) is recorded as a corrupt official.`, [o])),
  ];
}

/** Builds the Modi operandi section. */
export function buildModiSection(ctx: ReportContext): Section {
  const parts: [string, Sentence[], string][] = [
    [
      'Transport and vessels',
      transport(ctx),
      'No transport (routes, vessels, vehicles) is recorded in scope.',
    ],
    ['Document fraud', documents(ctx), 'No document is recorded in scope.'],
    ['Recruitment and advertising', recruitment(ctx), 'No advert or recruiter is recorded in scope.'],
    ['Corruption', corruption(ctx), 'No corruption is recorded in scope.'],
  ];
  const blocks: Block[] = parts.flatMap(([title, sentences, none]) => [
    { kind: 'heading' as const, text: title },
    sentences.length > 0
      ? { kind: 'list' as const, items: sentences }
      : { kind: 'paragraph' as const, sentences: [say(ctx, none)] },
  ]);
  return { id: 'modi-operandi', title: 'Modi operandi', blocks };
}
