/**
 * The organigram: who leads, employs, owns or holds whom, top down, by the layered method of
 * Sugiyama, Tagawa & Toda (1981) as the Eclipse Layout Kernel implements it (elkjs). Only LEADS,
 * MEMBER_OF, EMPLOYED_BY and OWNS links order the layers; the entities without them are packed
 * beside the tree. Returns target positions in graph units, y growing downwards as sigma draws it.
 */
import { cjsDefault } from '../lib/interop.ts';

/** Which end of each ordering link is drawn above: the source ("down") or the target ("up"). */
export const HIERARCHY: Record<string, 'down' | 'up'> = {
  LEADS: 'down',
  OWNS: 'down',
  MEMBER_OF: 'up',
  EMPLOYED_BY: 'up',
};

/** The organigram of some nodes: their sizes (radius) and the ordering links among them. */
export async function layoutOrganigram(
  nodes: { id: string; radius: number }[],
  links: { source: string; target: string; linkType: string }[],
): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  const edges = links.flatMap(({ source, target, linkType }, i) => {
    const way = HIERARCHY[linkType];
    if (!way || !ids.has(source) || !ids.has(target) || source === target) return [];
    const [above, below] = way === 'down' ? [source, target] : [target, source];
    const key = `${above}\u0000${below}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ id: `o${i}`, sources: [above], targets: [below] }];
  });
  // The layout kernel is large (1.5 MB): it is fetched the first time an organigram is asked for.
  const Elk = cjsDefault((await import('elkjs/lib/elk.bundled.js')).default);
  const laid = await new Elk().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '12',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.separateConnectedComponents': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: 2 * n.radius, height: 2 * n.radius })),
    edges,
  });
  const out = new Map<string, { x: number; y: number }>();
  for (const child of laid.children ?? []) {
    const r = (child.width ?? 0) / 2;
    out.set(child.id, { x: (child.x ?? 0) + r, y: -((child.y ?? 0) + r) });
  }
  return out;
}
