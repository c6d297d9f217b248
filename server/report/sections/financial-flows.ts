/** Section 5, Financial flows: totals by route, syndicate and country, the Sankey, typologies, assets. */
import type { GroupFlow } from '../../../analysis/money/flows.ts';
import {
  communityName,
  formatCount,
  formatMoney,
  nameOf,
  plural,
  type ReportContext,
  say,
} from '../context.ts';
import { drawSankey } from '../figures/sankey.ts';
import type { Block, Section, Table } from '../types.ts';
import { sumMoneyByRoute } from './money-by-route.ts';

const MAX_ROWS = 10;

/** What each typology means, in the words of the reports that describe it. */
const TYPOLOGY_WORDS: Record<string, string> = {
  'fan-out': 'one party pays many within days (distribution)',
  'fan-in': 'many pay one party within days (collection)',
  cycle: 'money returns to where it started through intermediaries (round-tripping)',
  'scatter-gather': 'money split through several intermediaries and gathered again',
  'gather-scatter': 'money gathered by one hub and sent on to many',
  stack: 'layered transfers through conduit accounts',
  bipartite: 'a group of payers paying a group of payees',
  'pass-through': 'money passing straight through an account',
  structuring: 'amounts kept under reporting thresholds',
  'hawala-offsetting': 'hawala brokers settling balances against each other',
};

function flowTable(
  ctx: ReportContext,
  caption: string,
  flows: GroupFlow[],
  label: (g: string) => string,
): Table {
  const currency = ctx.result.money?.currency ?? 'EUR';
  return {
    kind: 'table',
    caption,
    columns: ['from', 'to', 'payments', `total (${currency})`],
    rows: [...flows]
      .sort((a, b) => b.total - a.total)
      .slice(0, MAX_ROWS)
      .map((f) => ({
        cells: [label(f.from), label(f.to), formatCount(f.count), formatCount(f.total)],
        cites: ctx.citations.cite(f.payments),
      })),
  };
}

function typologyBlocks(ctx: ReportContext): Block[] {
  const hits = ctx.result.money?.typologies ?? [];
  const currency = ctx.result.money?.currency ?? 'EUR';
  ctx.figures.typologies = hits.length;
  if (hits.length === 0)
    return [
      {
        kind: 'paragraph',
        sentences: [say(ctx, 'No laundering typology was detected in the payments in scope.')],
      },
    ];
  const kinds = [...new Set(hits.map((h) => h.kind))];
  return [
    { kind: 'heading', text: 'Laundering typologies' },
    {
      kind: 'list',
      items: kinds.map((kind) => {
        const ofKind = hits.filter((h) => h.kind === kind);
        const example = ofKind[0] as (typeof ofKind)[number];
        return say(
          ctx,
          `${kind}: ${plural(ofKind.length, 'occurrence')} (${TYPOLOGY_WORDS[kind] ?? kind}); for example ${example.parties
            .slice(0, 5)
            .map((p) => nameOf(ctx, p))
            .join(
              ' -> ',
            )}, ${plural(example.payments.length, 'payment')} totalling ${formatMoney(example.total, currency)} from ${example.from.slice(0, 10)} to ${example.to.slice(0, 10)}.`,
          [...example.payments, ...example.parties],
        );
      }),
    },
  ];
}

function assetBlocks(ctx: ReportContext): Block[] {
  const owned = ctx.graph.filterEdges(
    (_e, a, _s, t) => a.linkType === 'OWNS' && ctx.graph.getNodeAttribute(t, 'entityType') !== 'Account',
  );
  if (owned.length === 0)
    return [{ kind: 'paragraph', sentences: [say(ctx, 'No asset ownership is recorded in scope.')] }];
  return [
    { kind: 'heading', text: 'Known assets' },
    {
      kind: 'table',
      caption: 'Assets and their owners',
      columns: ['asset', 'type', 'owner'],
      rows: owned.slice(0, 15).map((e) => ({
        cells: [
          nameOf(ctx, ctx.graph.target(e)),
          String(ctx.graph.getNodeAttribute(ctx.graph.target(e), 'entityType')),
          nameOf(ctx, ctx.graph.source(e)),
        ],
        cites: ctx.citations.cite([e, ctx.graph.target(e)]),
      })),
    },
  ];
}

/** Builds the Financial flows section. */
export function buildFinanceSection(ctx: ReportContext): Section {
  const money = ctx.result.money;
  if (!money || money.transfers === 0)
    return {
      id: 'financial-flows',
      title: 'Financial flows',
      blocks: [
        {
          kind: 'paragraph',
          sentences: [
            say(
              ctx,
              'No payment with a known payer and receiver is recorded in scope: the financial picture is missing.',
            ),
          ],
        },
        ...assetBlocks(ctx),
      ],
    };
  const { transfers, byRoute } = sumMoneyByRoute(ctx);
  ctx.figures.transfers = money.transfers;
  ctx.figures.moneyTotal = Math.round(money.total);
  const community = (g: string) => communityName(ctx, g);
  const sankey = drawSankey(money.flows.countries, (g) => g);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      sentences: [
        say(
          ctx,
          `${plural(money.transfers, 'payment')} with a known payer and receiver total ${formatMoney(money.total, money.currency)} at dated exchange rates.`,
          transfers.map((t) => t.id),
        ),
        ...(money.unconverted.length > 0
          ? [
              say(
                ctx,
                `${plural(money.unconverted.length, 'payment')} could not be converted and count as zero.`,
                money.unconverted.map((u) => u.payment),
              ),
            ]
          : []),
      ],
    },
    {
      kind: 'table',
      caption: `Totals by route (${money.currency}; payments by travellers on the route or their payees)`,
      columns: ['route', 'payments', `total (${money.currency})`],
      rows: byRoute.slice(0, MAX_ROWS).map((r) => ({
        cells: [nameOf(ctx, r.route), formatCount(r.payments.length), formatCount(r.total)],
        cites: ctx.citations.cite([r.route, ...r.payments]),
      })),
    },
    flowTable(
      ctx,
      `Flows between syndicates (communities), ${money.currency}`,
      money.flows.communities,
      community,
    ),
    flowTable(ctx, `Flows between countries, ${money.currency}`, money.flows.countries, (g) => g),
  ];
  if (sankey)
    blocks.push({
      kind: 'figure',
      caption: 'Money flows between countries: payers left, payees right',
      svg: sankey,
      cites: ctx.citations.cite(money.flows.countries.flatMap((f) => f.payments)),
    });
  blocks.push(...typologyBlocks(ctx), ...assetBlocks(ctx));
  return { id: 'financial-flows', title: 'Financial flows', blocks };
}
