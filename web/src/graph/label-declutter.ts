/**
 * Labels of different ranks that never cover each other. Sigma picks the labels to draw by a grid of
 * cells, which keeps them apart only roughly: a long label (a group's name) reaches into the next
 * cells. After each frame the boxes of the labels drawn (and of those held back) are laid greedily,
 * higher rank and larger nodes first; a label that would cover a higher-ranked one already laid is
 * held back, and the frame is drawn again. The set is worked out anew on every frame, so a label
 * comes back as soon as there is room for it.
 */
import type Sigma from 'sigma';

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

/**
 * The labels to hold back: each that covers one of a higher rank already laid, in priority order.
 * Labels of the same rank are left to sigma's grid, which spreads them out; a rank decides what
 * wins where they meet (a syndicate's name over a person's, or over a group kept apart).
 */
export function clashingLabels(
  boxes: readonly LabelBox[],
  rank: (node: string) => number = () => 0,
): Set<string> {
  const laid: LabelBox[] = [];
  const held = new Set<string>();
  for (const box of boxes) {
    if (laid.some((other) => rank(other.node) > rank(box.node) && overlaps(box, other))) held.add(box.node);
    else laid.push(box);
  }
  return held;
}

/** Keeps sigma's labels apart; `hides(node)` is read by the node reducer. */
export class LabelDeclutter {
  private held = new Map<string, string>();
  private readonly context = document.createElement('canvas').getContext('2d');

  constructor(
    private readonly sigma: Sigma,
    /** Which labels win a clash: the higher first (e.g. groups before entities). */
    private readonly rank: (node: string) => number = () => 0,
  ) {
    sigma.on('afterRender', () => this.check());
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
    const { sigma, context } = this;
    if (!context) return text.length * 7;
    context.font = `${sigma.getSetting('labelWeight')} ${sigma.getSetting('labelSize')}px ${sigma.getSetting('labelFont')}`;
    return context.measureText(text).width;
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
    const size = (node: string) => this.sigma.getNodeDisplayData(node)?.size ?? 0;
    candidates.sort(
      (a, b) =>
        this.rank(b.node) - this.rank(a.node) ||
        size(b.node) - size(a.node) ||
        (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
    );
    const held = clashingLabels(candidates, this.rank);
    const same = held.size === this.held.size && [...held].every((node) => this.held.has(node));
    if (same) return;
    const texts = new Map(candidates.map((box) => [box.node, box.text]));
    this.held = new Map([...held].map((node) => [node, texts.get(node) ?? '']));
    this.sigma.scheduleRefresh();
  }
}
