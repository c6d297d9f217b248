/**
 * A syndicate drawn as an organigram for the printed report: its organisation at the top, the people
 * who lead it (LEADS) beneath, and its members (MEMBER_OF, EMPLOYED_BY and the rest of the community's
 * facilitators) grouped in boxes by cell, each box naming its people in ranked order. Boxes of names
 * read at the printed size where a force layout of hundreds of dots does not; what does not fit is
 * counted, never dropped silently. The people smuggled and witnesses are not drawn.
 */
import { type CaseGraph, isProtected } from '../../../analysis/core/types.ts';
import { fixed, svgFrame, svgText } from './svg.ts';

export interface OrganigramOptions {
  /** The cell of a member, when the communities step found cells. */
  cellOf?: (id: string) => number | undefined;
  /** How a person is named (namesakes told apart). */
  nameOf?: (id: string) => string;
  /** People in the order they matter (leaders first); the rest follow by links. */
  ranked?: readonly string[];
  /** Most names per cell box. */
  perBox?: number;
  width?: number;
}

/** What the organigram shows, for the caption and for checks. */
export interface Organigram {
  svg: string;
  organisation: string | null;
  leaders: string[];
  /** Cells (null: members without a cell) with the people shown and how many more there are. */
  boxes: { cell: number | null; shown: string[]; more: number }[];
}

const FONT = 8.5;
const LINE = 11;
const BOX_GAP = 10;
const LEADS = new Set(['LEADS']);
const BELONGS = new Set(['LEADS', 'MEMBER_OF', 'EMPLOYED_BY']);

/** The organisation most of the members lead or belong to. */
function mainOrganisation(graph: CaseGraph, members: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const id of members) {
    if (graph.getNodeAttribute(id, 'entityType') !== 'Organisation') continue;
    let count = 0;
    graph.forEachInEdge(id, (_e, a, source) => {
      if (BELONGS.has(a.linkType) && members.has(source)) count++;
    });
    if (count > most || (count === most && best !== null && id < best)) [best, most] = [id, count];
  }
  return best;
}

/** The community's facilitators as an organigram. */
export function drawOrganigram(
  graph: CaseGraph,
  members: readonly string[],
  options: OrganigramOptions = {},
): Organigram {
  const { cellOf = () => undefined, perBox = 8, width = 520 } = options;
  const name = options.nameOf ?? ((id: string) => String(graph.getNodeAttribute(id, 'name') ?? id));
  const inCommunity = new Set(members.filter((m) => graph.hasNode(m)));
  const organisation = mainOrganisation(graph, inCommunity);
  const people = [...inCommunity].filter((id) => {
    const a = graph.getNodeAttributes(id);
    return a.entityType === 'Person' && !isProtected(a);
  });
  const order = new Map((options.ranked ?? []).map((id, i) => [id, i]));
  const byRank = (a: string, b: string) =>
    (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) ||
    graph.degree(b) - graph.degree(a) ||
    (a < b ? -1 : a > b ? 1 : 0);
  const leaders = people
    .filter((id) =>
      graph.someOutEdge(id, (_e, a, _s, target) => LEADS.has(a.linkType) && inCommunity.has(target)),
    )
    .sort(byRank);
  const leading = new Set(leaders);
  const groups = new Map<number | null, string[]>();
  for (const id of people.filter((p) => !leading.has(p)).sort(byRank)) {
    const cell = cellOf(id) ?? null;
    groups.set(cell, [...(groups.get(cell) ?? []), id]);
  }
  const boxes = [...groups]
    .sort(([a, x], [b, y]) => (a === null ? 1 : b === null ? -1 : y.length - x.length || a - b))
    .map(([cell, ids]) => ({ cell, shown: ids.slice(0, perBox), more: Math.max(0, ids.length - perBox) }));

  // Rows: the organisation, the leaders, then the cell boxes, four to a row.
  const parts: string[] = [];
  let y = 12;
  const centre = width / 2;
  const box = (x: number, top: number, w: number, lines: string[], title: string, fill: string) => {
    const h = 6 + lines.length * LINE + (title ? LINE : 0);
    parts.push(
      `<rect x="${fixed(x)}" y="${fixed(top)}" width="${fixed(w)}" height="${fixed(h)}" rx="3" fill="${fill}" stroke="#555" stroke-width="0.6"/>`,
    );
    let line = top + LINE;
    if (title) {
      parts.push(svgText(x + 4, line, title, `font-size="${FONT}" font-weight="bold"`));
      line += LINE;
    }
    for (const text of lines) {
      parts.push(svgText(x + 4, line, clip(text, w), `font-size="${FONT}"`));
      line += LINE;
    }
    return h;
  };
  const connect = (x1: number, y1: number, x2: number, y2: number) => {
    const mid = (y1 + y2) / 2;
    parts.push(
      `<path d="M${fixed(x1)} ${fixed(y1)} V${fixed(mid)} H${fixed(x2)} V${fixed(y2)}" fill="none" stroke="#777" stroke-width="0.7"/>`,
    );
  };
  let anchors: { x: number; y: number }[] = [];
  if (organisation) {
    const w = 220;
    const h = box(centre - w / 2, y, w, [], name(organisation), '#e8e8e8');
    anchors = [{ x: centre, y: y + h }];
    y += h + 18;
  }
  if (leaders.length > 0) {
    const shown = leaders.slice(0, 4);
    const w = Math.min(150, (width - 20 - (shown.length - 1) * BOX_GAP) / shown.length);
    const left = centre - (shown.length * w + (shown.length - 1) * BOX_GAP) / 2;
    let tallest = 0;
    const next: { x: number; y: number }[] = [];
    shown.forEach((id, i) => {
      const x = left + i * (w + BOX_GAP);
      const roles = (graph.getNodeAttribute(id, 'roles') ?? []).join(', ');
      for (const a of anchors) connect(a.x, a.y, x + w / 2, y);
      const h = box(x, y, w, [roles || 'leads'], name(id), '#fde2c8');
      tallest = Math.max(tallest, h);
      next.push({ x: x + w / 2, y: y + h });
    });
    if (leaders.length > shown.length)
      parts.push(
        svgText(
          left,
          y + tallest + LINE,
          `and ${leaders.length - shown.length} more who lead`,
          `font-size="${FONT}"`,
        ),
      );
    anchors = next.length > 0 ? [{ x: centre, y: y + tallest }] : anchors;
    y += tallest + 22;
  }
  const perRow = 4;
  const w = (width - 20 - (perRow - 1) * BOX_GAP) / perRow;
  for (let start = 0; start < boxes.length; start += perRow) {
    const row = boxes.slice(start, start + perRow);
    const left = centre - (row.length * w + (row.length - 1) * BOX_GAP) / 2;
    let tallest = 0;
    row.forEach((b, i) => {
      const x = left + i * (w + BOX_GAP);
      if (start === 0) for (const a of anchors) connect(a.x, a.y, x + w / 2, y);
      const lines = b.shown.map((id) => {
        const role = (graph.getNodeAttribute(id, 'roles') ?? [])[0];
        return role ? `${name(id)} · ${role}` : name(id);
      });
      if (b.more > 0) lines.push(`+ ${b.more} more`);
      const title = b.cell === null ? 'Not in a cell' : `Cell ${b.cell} (${b.shown.length + b.more})`;
      tallest = Math.max(tallest, box(x, y, w, lines, title, '#f4f7fb'));
    });
    y += tallest + BOX_GAP;
  }
  const height = Math.ceil(y + 4);
  const title = `Organigram of ${organisation ? name(organisation) : 'the syndicate'}: ${leaders.length} leading, ${boxes.length} groups of members`;
  return { svg: svgFrame(width, height, title, parts.join('')), organisation, leaders, boxes };
}

/** Text cut to fit a box of the width, with an ellipsis. */
function clip(text: string, width: number): string {
  const fits = Math.floor((width - 8) / (FONT * 0.52));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}
