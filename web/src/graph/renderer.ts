/**
 * The sigma renderer for the data graph: a bordered disc per node (fill by the chosen colouring, ring
 * in the type's colour) with its type's icon inside (icons.ts), straight arrows, and curved arrows for parallel links. Labels are thinned
 * by sigma's label grid so they stay legible zoomed out. All display state arrives via reducers.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import { createNodeImageProgram } from '@sigma/node-image';
import Sigma from 'sigma';
import {
  createNodeCompoundProgram,
  drawDiscNodeHover,
  EdgeArrowProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  type NodeProgramType,
} from 'sigma/rendering';
import type { DataGraph } from './data-graph.ts';
import { type DrawContext, reduceEdge, reduceNode } from './reducers.ts';

const BorderedNodeProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.22 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/** The node program of small graphs: a bordered disc with its type's icon. */
export const ICON_NODE_TYPE = 'iconic';

/** The node programs of small graphs, made when first used (smallNodePrograms). */
let smallNodes: Record<string, NodeProgramType> | undefined;

/**
 * Bordered discs with their type's icon, tinted (`iconColor`), inside the ring (a node without an
 * `image`, a closed group, draws none), and plain discs. Made when a small graph is first drawn:
 * @sigma/node-image's factory opens a WebGL context of its own to read the texture size limit, which
 * a page that opens a large graph (plain discs only) would otherwise pay for while it starts.
 */
function smallNodePrograms(): Record<string, NodeProgramType> {
  smallNodes ??= {
    [ICON_NODE_TYPE]: createNodeCompoundProgram([
      BorderedNodeProgram,
      createNodeImageProgram({
        drawingMode: 'color',
        keepWithinCircle: true,
        padding: 0.3,
        size: { mode: 'force', value: 128 },
        correctCentering: true,
        colorAttribute: 'iconColor',
        imageAttribute: 'image',
      }),
    ]),
    circle: NodeCircleProgram,
  };
  return smallNodes;
}

/** Past this many edges, nodes are plain discs and straight edges have no heads: the cheapest drawing. */
export const LARGE_GRAPH_EDGES = 40_000;

// Each program is compiled when it is registered (twice: for drawing and for picking), which with
// software WebGL takes the GPU process time the page needs while the first graph loads: a large
// graph registers neither bordered nodes nor arrowheads.
const LARGE_NODES = { circle: NodeCircleProgram };
const LARGE_EDGES = { line: EdgeRectangleProgram, curvedArrow: EdgeCurvedArrowProgram };
const SMALL_EDGES = { arrow: EdgeArrowProgram, ...LARGE_EDGES };

/**
 * Past LARGE_GRAPH_EDGES, plain discs and no z-ordering; below, bordered nodes with icons drawn in z
 * order, and arrowheads. Best called while sigma draws an empty stand-in graph (the switch refreshes it).
 */
export function useLargeGraphDrawing(sigma: Sigma, large: boolean): void {
  sigma.setSettings({
    defaultNodeType: large ? 'circle' : ICON_NODE_TYPE,
    zIndex: !large,
    nodeProgramClasses: large ? LARGE_NODES : smallNodePrograms(),
    edgeProgramClasses: large ? LARGE_EDGES : SMALL_EDGES,
  });
}

/** What the renderer leaves out for now, whatever the reducers say. */
export interface HeldBack {
  /** The node's label is held back (it would cover another, label-declutter.ts). */
  label(node: string): boolean;
  /** No link is drawn (while nodes move to a new layout, as sigma's `hideEdgesOnMove` does). */
  edges(): boolean;
}

/**
 * Creates the renderer for an empty graph, with the large graph's drawing (the fewest programs):
 * `useLargeGraphDrawing` switches once the graph is filled. `context()` gives the reducers the
 * current draw context; `hoverLabel(node)` the label drawn under the pointer, when it is not the
 * node's label (a closed group's whole name where its label is cut short).
 */
export function createRenderer(
  graph: DataGraph,
  container: HTMLElement,
  context: () => DrawContext,
  held: HeldBack = { label: () => false, edges: () => false },
  hoverLabel: (node: string) => string | null = () => null,
): Sigma {
  return new Sigma(graph, container, {
    defaultNodeType: 'circle',
    nodeProgramClasses: LARGE_NODES,
    defaultEdgeType: 'line',
    edgeProgramClasses: LARGE_EDGES,
    allowInvalidContainer: true,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    labelDensity: 0.6,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 7,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    zIndex: false,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    // Sigma draws the hovered node's label in a box on a layer above the others.
    defaultDrawNodeHover: (canvas, data, settings) => {
      const key = (data as { key?: string }).key;
      const whole = key === undefined ? null : hoverLabel(key);
      drawDiscNodeHover(canvas, whole === null ? data : { ...data, label: whole }, settings);
    },
    nodeReducer: (node, attributes) => {
      const data = reduceNode(context(), node, attributes as never);
      return held.label(node) ? { ...data, label: null } : data;
    },
    // While links are held back, nothing of theirs is worked out: a frame's every link would be
    // reduced only to be hidden.
    edgeReducer: (edge, attributes) =>
      held.edges() ? { hidden: true } : reduceEdge(context(), edge, attributes as never),
  });
}
