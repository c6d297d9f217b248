/**
 * The sigma renderer for the data graph: a bordered disc per node (fill by the chosen colouring, ring
 * in the type's colour), straight arrows, and curved arrows for parallel links. Labels are thinned
 * by sigma's label grid so they stay legible zoomed out. All display state arrives via reducers.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { createNodeBorderProgram } from '@sigma/node-border';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { DataGraph } from './data-graph.ts';
import { type DrawContext, reduceEdge, reduceNode } from './reducers.ts';

const BorderedNodeProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.22 }, color: { attribute: 'borderColor' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/** Past this many edges, nodes are plain discs and straight edges have no heads: the cheapest drawing. */
export const LARGE_GRAPH_EDGES = 40_000;

/** Past LARGE_GRAPH_EDGES, plain discs and no z-ordering; below, bordered nodes drawn in z order. */
export function useLargeGraphDrawing(sigma: Sigma, large: boolean): void {
  sigma.setSettings({ defaultNodeType: large ? 'circle' : 'bordered', zIndex: !large });
}

/** Creates the renderer; `context()` gives the reducers the current draw context. */
export function createRenderer(graph: DataGraph, container: HTMLElement, context: () => DrawContext): Sigma {
  const large = graph.size > LARGE_GRAPH_EDGES;
  return new Sigma(graph, container, {
    defaultNodeType: large ? 'circle' : 'bordered',
    nodeProgramClasses: { bordered: BorderedNodeProgram, circle: NodeCircleProgram },
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: EdgeArrowProgram,
      line: EdgeRectangleProgram,
      curvedArrow: EdgeCurvedArrowProgram,
    },
    allowInvalidContainer: true,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    labelDensity: 0.6,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 7,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    zIndex: !large,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    nodeReducer: (node, attributes) => reduceNode(context(), node, attributes as never),
    edgeReducer: (edge, attributes) => reduceEdge(context(), edge, attributes as never),
  });
}
