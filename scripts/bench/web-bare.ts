/**
 * The bare sigma.js page of the web benchmark: graphology and sigma with default settings drawing
 * /graph.json, built by Vite into a work folder. It records the time of its first frame, marks when
 * it fetches, builds the graph and draws (User Timing), and offers the same pan-and-zoom frame timing
 * as the app.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const root = join(import.meta.dirname, '..', '..');

/** Builds the bare page into `<work>/bare-dist`; returns that folder. */
export async function buildBarePage(work: string): Promise<string> {
  const source = join(work, 'bare-src');
  const out = join(work, 'bare-dist');
  mkdirSync(source, { recursive: true });
  const measure = relative(source, join(root, 'web', 'src', 'graph', 'measure-frames.ts')).replace(
    /\\/g,
    '/',
  );
  writeFileSync(
    join(source, 'bare.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="./bare.css"></head><body><div id="c"></div><script type="module" src="./bare.ts"></script></body></html>',
  );
  writeFileSync(
    join(source, 'bare.css'), // The app's canvas is 700 x 666 CSS pixels in a 1400 x 900 window; bare sigma gets the same area.
    'html,body{margin:0}#c{width:700px;height:666px}',
  );
  writeFileSync(
    join(source, 'bare.ts'),
    `import Graph from 'graphology';
import Sigma from 'sigma';
import { measureFrames } from '${measure.startsWith('.') ? measure : `./${measure}`}';
performance.mark('bare:fetch');
const data = await (await fetch('/graph.json')).json();
performance.mark('bare:build');
const graph = Graph.from(data);
performance.mark('bare:draw');
const sigma = new Sigma(graph, document.getElementById('c'));
// sigma draws its first frame inside the constructor.
window.__firstFrame = performance.now();
window.__measure = (n) => measureFrames(sigma, n);
`,
  );
  await build({
    root: source,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(source, 'bare.html') } },
  });
  return out;
}
