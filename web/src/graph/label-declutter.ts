/**
 * Labels that never cover each other across ranks, nor, where there is room, among groups. Sigma
 * picks the labels to draw by a grid of cells, which keeps them apart only roughly: a long label (a
 * group's name) reaches into the next cells, and groups' labels are drawn wherever they fall. After
 * each frame the boxes of the labels drawn (and of those held back) are laid rank by rank, higher
 * first; a label that would cover a higher-ranked one is held back, and so are groups' labels that
 * cover others of their rank, the one covering most first, while most groups keep their label; then
 * the frame is drawn again. The set is worked out anew on every frame, so a label comes back as soon
 * as there is room for it.
 */
import type Sigma from 'sigma';
import { textWidth } from '../lib/text-width.ts';
import { byKey } from '../lib/order.ts';

/** A label's box on screen, in pixels. */
export interface LabelBox {
  node: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of a node's label as sigma draws it: right of the disc, in the label font. */
export function labelBox(
  sigma: Sigma,
  node: string,
  text: string,
  measure: (text: string) => number,
): LabelBox | null {
  const data = sigma.getNodeDisplayData(node);
  if (!data || data.hidden) return null;
  const size = sigma.getSetting('labelSize');
  const at = sigma.framedGraphToViewport(data);
  const left = at.x + sigma.scaleSize(data.size) + 3;
  // The baseline sits a third of the size below the centre; ascenders reach about the size above it.
  const baseline = at.y + size / 3;
  return {
    node,
    text,
    left,
    top: baseline - size,
    right: left + measure(text),
    bottom: baseline + size * 0.25,
  };
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The share of groups' labels drawn however crowded the view: past it, same-rank clashes are drawn. */
export const KEEP_GROUP_LABELS = 0.8;

/**
 * The labels to hold back, rank by rank from the highest: a label that covers one of a higher rank
 * is held back; among groups' labels (rank above 0) of one rank, those covering others are held
 * back, the one covering most first, while at least `keep` of the groups' labels stay drawn. Where
 * more clash than that (more labels than the view has room for), the rest are drawn, covering as
 * few others as that leaves. Entities' labels (rank 0) are left to sigma's grid, which spreads them
 * out: holding them back too costs a second frame after nearly every frame of a large graph's force
 * layout. `groups` is how many groups are drawn, labelled or not.
 */
export function clashingLabels(
  boxes: readonly LabelBox[],
  rank: (node: string) => number = () => 0,
  keep = KEEP_GROUP_LABELS,
  groups?: number,
): Set<string> {
  const labelled = boxes.filter((box) => rank(box.node) > 0).length;
  const least = Math.ceil((groups ?? labelled) * keep - 1e-9);
  let spare = labelled - least;
  let held = holdBack(boxes, rank, spare);
  // Groups' labels a higher rank holds back count too: fewer equals are held until enough are drawn.
  for (let pass = 0; pass < 4 && spare > 0; pass++) {
    const heldGroups = [...held].filter((node) => rank(node) > 0).length;
    const short = least - (labelled - heldGroups);
    if (short <= 0) break;
    spare = Math.max(spare - short, 0);
    held = holdBack(boxes, rank, spare);
  }
  return held;
}

/**
 * One pass, rank by rank: labels covering a higher rank's are held back; among groups' labels of one
 * rank, the one covering the most others (the later in priority order on a tie) is held back, again,
 * until none cover another or `spare` are held.
 */
function holdBack(boxes: readonly LabelBox[], rank: (node: string) => number, spare: number): Set<string> {
  const held = new Set<string>();
  const laid: LabelBox[] = [];
  const levels = [...new Set(boxes.map((box) => rank(box.node)))].sort((a, b) => b - a);
  for (const level of levels) {
    const here: LabelBox[] = [];
    for (const box of boxes) {
      if (rank(box.node) !== level) continue;
      if (laid.some((other) => overlaps(box, other))) held.add(box.node);
      else here.push(box);
    }
    const kept = level > 0 ? thinned(here, spare) : here;
    for (const box of here) if (!kept.includes(box)) held.add(box.node);
    spare -= here.length - kept.length;
    laid.push(...kept);
  }
  return held;
}

/** Boxes left once up to `most` are taken out, each time the one covering the most others. */
function thinned(boxes: LabelBox[], most: number): LabelBox[] {
  const covers = boxes.map(() => new Set<number>());
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i] as LabelBox, boxes[j] as LabelBox)) {
        covers[i]?.add(j);
        covers[j]?.add(i);
      }
  const out = new Set<number>();
  while (out.size < most) {
    let worst = -1;
    covers.forEach((set, i) => {
      if (set.size > 0 && set.size >= (covers[worst]?.size ?? 1)) worst = i;
    });
    if (worst < 0) break;
    out.add(worst);
    for (const j of covers[worst] ?? []) covers[j]?.delete(worst);
    covers[worst]?.clear();
  }
  return boxes.filter((_box, i) => !out.has(i));
}

/** Keeps sigma's labels apart; `hides(node)` is read by the node reducer. */
export class LabelDeclutter {
  private held = new Map<string, string>();
  /** The last frame's check changed what is held back: the frame after it draws the change. */
  private changing = false;

  constructor(
    private readonly sigma: Sigma,
    /** Which labels win a clash: the higher first (e.g. groups before entities). */
    private readonly rank: (node: string) => number = () => 0,
    /** How many groups are drawn (nodes of rank above 0). */
    private readonly groups: () => number = () => 0,
  ) {
    sigma.on('afterRender', () => this.check());
  }

  /** Whether the last frame drew the labels held back as they stay: its check changed nothing. */
  get settled(): boolean {
    return !this.changing;
  }

  /** Whether the node's label is held back. */
  hides(node: string): boolean {
    return this.held.has(node);
  }

  /** The labels drawn now, as boxes. */
  drawn(): LabelBox[] {
    return [...this.sigma.getNodeDisplayedLabels()].flatMap((node) => {
      const label = this.sigma.getNodeDisplayData(node)?.label;
      const box = label ? labelBox(this.sigma, node, label, (text) => this.width(text)) : null;
      return box ? [box] : [];
    });
  }

  private width(text: string): number {
    const { sigma } = this;
    return textWidth(
      text,
      `${sigma.getSetting('labelWeight')} ${sigma.getSetting('labelSize')}px ${sigma.getSetting('labelFont')}`,
    );
  }

  private check(): void {
    const candidates = [
      ...this.drawn(),
      ...[...this.held].flatMap(([node, text]) => {
        const box = this.sigma.getGraph().hasNode(node)
          ? labelBox(this.sigma, node, text, (t) => this.width(t))
          : null;
        return box ? [box] : [];
      }),
    ];
    // Rank and size read once per label, not once per comparison.
    const keyed = candidates.map((box) => ({
      box,
      rank: this.rank(box.node),
      size: this.sigma.getNodeDisplayData(box.node)?.size ?? 0,
    }));
    keyed.sort((a, b) => b.rank - a.rank || b.size - a.size || byKey(a.box.node, b.box.node));
    candidates.splice(0, candidates.length, ...keyed.map((k) => k.box));
    const held = clashingLabels(candidates, this.rank, KEEP_GROUP_LABELS, this.groups());
    const same = held.size === this.held.size && [...held].every((node) => this.held.has(node));
    this.changing = !same;
    if (same) return;
    const texts = new Map(candidates.map((box) => [box.node, box.text]));
    this.held = new Map([...held].map((node) => [node, texts.get(node) ?? '']));
    this.sigma.scheduleRefresh();
  }
}
