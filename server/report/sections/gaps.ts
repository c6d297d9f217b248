/** Section 8, Intelligence gaps and collection requirements, from the gaps analysis. */
import { nameOf, plural, type ReportContext, say } from '../context.ts';
import type { Section, Sentence } from '../types.ts';

/** One gap: what is missing, and what to collect to close it. */
export interface Gap {
  id: string;
  finding: Sentence;
  requirement: string;
}

/** The gaps found, each with its collection requirement (also read by the recommendations). */
export function findGaps(ctx: ReportContext): Gap[] {
  const g = ctx.result.gaps;
  if (!g) return [];
  const gaps: Gap[] = [];
  const add = (id: string, count: number, text: string, records: string[], requirement: string) => {
    if (count > 0) gaps.push({ id, finding: say(ctx, text, records), requirement });
  };
  const single = g.weakLinks.filter((w) => w.reasons.includes('single source'));
  const ungraded = g.weakLinks.filter(
    (w) => w.reasons.includes('no grade') || w.reasons.includes('no source'),
  );
  add(
    'single-source',
    single.length,
    `${plural(single.length, 'link')} rest on a single source.`,
    single.map((w) => w.edge),
    'Corroborate single-source links with a second, independent source.',
  );
  add(
    'ungraded',
    ungraded.length,
    `${plural(ungraded.length, 'link')} carry no source or no grade.`,
    ungraded.map((w) => w.edge),
    'Ask the providing agencies to source and grade these links.',
  );
  add(
    'no-payment-channel',
    g.noPaymentChannel.length,
    `${plural(g.noPaymentChannel.length, 'facilitator')} have no known account or payment (for example ${g.noPaymentChannel
      .slice(0, 3)
      .map((p) => nameOf(ctx, p))
      .join(', ')}).`,
    g.noPaymentChannel,
    'Financial enquiries (FIU requests, money-transfer and hawala records) on these facilitators.',
  );
  add(
    'legs-without-transport',
    g.legsWithoutTransport.length,
    `${plural(g.legsWithoutTransport.length, 'route leg')} have no known vessel or vehicle.`,
    g.legsWithoutTransport.flatMap((l) => [l.route, l.from, l.to]),
    'Identify the vessels and vehicles on these legs (maritime surveillance, border checks).',
  );
  add(
    'leaderless',
    g.leaderless.length,
    `${plural(g.leaderless.length, 'syndicate')} have no known leader or organiser.`,
    g.leaderless,
    'Establish the leadership of these syndicates.',
  );
  add(
    'unknown-party',
    g.paymentsWithUnknownParty.length,
    `${plural(g.paymentsWithUnknownParty.length, 'payment')} have an unknown payer or receiver.`,
    g.paymentsWithUnknownParty.map((p) => p.payment),
    'Trace the missing parties of these payments.',
  );
  add(
    'silences',
    g.silences.length,
    `${plural(g.silences.length, 'silence')} in facilitators' activity of 90 days or more (longest ${Math.max(0, ...g.silences.map((s) => s.days))} days).`,
    g.silences.map((s) => s.person),
    'Check whether silent facilitators were detained, moved or changed their means of communication.',
  );
  return gaps;
}

/** Builds the Intelligence gaps section. */
export function buildGapsSection(ctx: ReportContext, gaps: Gap[]): Section {
  ctx.figures.gaps = gaps.length;
  if (gaps.length === 0)
    return {
      id: 'gaps',
      title: 'Intelligence gaps and collection requirements',
      blocks: [
        {
          kind: 'paragraph',
          sentences: [
            say(
              ctx,
              ctx.result.gaps ? 'The gaps analysis found no gap in scope.' : 'The gaps analysis did not run.',
            ),
          ],
        },
      ],
    };
  return {
    id: 'gaps',
    title: 'Intelligence gaps and collection requirements',
    blocks: [
      {
        kind: 'table',
        caption: 'Gaps and the collection that would close them',
        columns: ['gap', 'collection requirement'],
        rows: gaps.map((g) => ({ cells: [g.finding.text, g.requirement], cites: g.finding.cites })),
      },
    ],
  };
}
