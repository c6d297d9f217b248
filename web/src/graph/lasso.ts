/**
 * Lasso selection: while on, a transparent layer over the canvas takes the pointer; the analyst
 * draws a loop and every node drawn inside it is selected. Positions come from sigma's display data,
 * so hidden nodes are never selected.
 */
import type Sigma from 'sigma';

function inside(x: number, y: number, polygon: { x: number; y: number }[]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as { x: number; y: number };
    const b = polygon[j] as { x: number; y: number };
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) result = !result;
  }
  return result;
}

/** Nodes drawn inside a loop given in viewport coordinates. */
export function nodesInLoop(sigma: Sigma, loop: { x: number; y: number }[]): string[] {
  const out: string[] = [];
  for (const node of sigma.getGraph().nodes()) {
    const display = sigma.getNodeDisplayData(node);
    if (!display || display.hidden) continue;
    const point = sigma.framedGraphToViewport(display);
    if (inside(point.x, point.y, loop)) out.push(node);
  }
  return out;
}

/** Attaches the lasso layer; `onSelect` receives the nodes in each loop drawn. */
export function attachLasso(sigma: Sigma, stage: HTMLElement, onSelect: (nodes: string[]) => void) {
  const layer = document.createElement('canvas');
  layer.className = 'lasso-layer';
  layer.hidden = true;
  stage.append(layer);
  const context = layer.getContext('2d');
  let loop: { x: number; y: number }[] = [];
  const point = (event: PointerEvent) => {
    const box = layer.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  layer.addEventListener('pointerdown', (event) => {
    layer.setPointerCapture(event.pointerId);
    loop = [point(event)];
  });
  layer.addEventListener('pointermove', (event) => {
    if (loop.length === 0 || !context) return;
    loop.push(point(event));
    context.clearRect(0, 0, layer.width, layer.height);
    context.strokeStyle = '#ff2d55';
    context.lineWidth = 2;
    context.beginPath();
    for (const [i, p] of loop.entries()) i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y);
    context.closePath();
    context.stroke();
  });
  layer.addEventListener('pointerup', () => {
    if (loop.length > 2) onSelect(nodesInLoop(sigma, loop));
    loop = [];
    context?.clearRect(0, 0, layer.width, layer.height);
  });
  return {
    /** Turns the lasso on or off. */
    toggle(on: boolean): void {
      layer.hidden = !on;
      layer.width = stage.clientWidth;
      layer.height = stage.clientHeight;
    },
  };
}
