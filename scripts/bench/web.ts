/**
 * Web benchmark: time to first frame and frame time while panning and zooming, in headless Chromium
 * (software WebGL), for the demo case and generated graphs of 10k nodes / 50k links and 50k / 150k,
 * each side by side with bare sigma.js drawing the same graph with default settings. The app is the
 * built web/dist behind a stand-in API (the session, the graph, the communities run, and no notes or
 * alerts), so only the browser is measured.
 * Also reports the phases before the first frame, and for `--watch` seconds after it (the app laying
 * out, bare sigma idle) the longest time the page could not answer and the share of time it could not.
 * Opened grouped, the app's readability (nodes drawn, disc overlap, group labels shown, regions of
 * open groups apart) is measured as opened, with its two largest syndicates open, and the time to open
 * the group nearest 500 members and lay it out.
 *
 *   node --import tsx scripts/bench/web.ts [--only demo,10k,50k] [--frames 30] [--rounds 3] [--watch 10]
 *     [--dist folder] [--opens 3] [--grouped-only | --ungrouped-only]
 *
 * `--dist` serves a web build made beforehand (`npx vite build web --outDir ...`, say of another
 * commit) instead of building web/ as it is now, so two builds can be measured back to back.
 * `--opens` opens the group nearest 500 members that many times (undo closes it in between).
 * `--grouped-only` leaves the ungrouped app out; `--ungrouped-only` the grouped one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { AlertList } from '../../server/schema/api/alerts.ts';
import type { NoteTargets } from '../../server/schema/api/notes.ts';
import { CHROMIUM, launchBrowser } from '../../test/helpers/browser.ts';
import { readability, readDrawing, settle } from '../../test/helpers/readability.ts';
import { buildBarePage } from './web-bare.ts';
import { answerRun, communitiesRun } from './web-runs.ts';
import { demoGraph, generatedGraph, type BenchGraph } from './web-graphs.ts';
import { marksAfter, PAGE_PROBES, phasesOf, type Responsiveness, watchAfterFirstFrame } from './web-page.ts';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const builtBefore = option('--dist');
const dist = builtBefore ? resolve(builtBefore) : join(root, 'web', 'dist');
const only = option('--only')?.split(',');
const frames = Number(option('--frames') ?? 30);
const rounds = Number(option('--rounds') ?? 3);
const watchMs = Number(option('--watch') ?? 10) * 1_000;
/** How many times the group nearest 500 members is opened (closed again by undo in between). */
const opens = Number(option('--opens') ?? 3);
/** Measures only the grouped app and bare sigma (the ungrouped app is left out), for quick looks. */
const groupedOnly = args.includes('--grouped-only');
/** Measures only the ungrouped app and bare sigma (the grouped app is left out), for quick looks. */
const ungroupedOnly = args.includes('--ungrouped-only');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

const NO_NOTES: NoteTargets = { targets: [], truncated: false };
const NO_ALERTS: AlertList = { alerts: [], unread: 0, total: 0 };
/** The stand-in API's fixed answers, by path. */
const STAND_IN: Record<string, unknown> = { '/api/notes/targets': NO_NOTES, '/api/alerts': NO_ALERTS };

/** Serves a folder plus the stand-in API answers. */
function serve(
  folders: string[],
  graphJson: () => string,
  run: ReturnType<typeof communitiesRun>,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0] as string;
    if (answerRun(req, res, run)) return undefined;
    if (path === '/api/auth/me') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          username: 'bench',
          role: 'analyst',
          clearance: ['H0', 'H1', 'H2', 'H3'],
          agency: null,
        }),
      );
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();
    // What a real server answers a case without notes or alerts (the page asks as it starts).
    const empty = STAND_IN[path];
    if (empty) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(empty));
    }
    if (path === '/api/web/graph' || path === '/graph.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(graphJson());
    }
    for (const folder of folders) {
      const file = join(folder, path === '/' ? 'index.html' : path);
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
    }
    res.writeHead(404).end();
    return undefined;
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Figures extends Responsiveness {
  firstFrame: number;
  frameMean: number;
  frameWorst: number;
  phases: Record<string, number>;
  /** Marks set after the first frame, as ms after it (the app's merge of records drawn ahead). */
  after: Record<string, number>;
}

/** Readability of the grouped view: as opened, and with its two largest syndicates open. */
interface Readable {
  closed: ReturnType<typeof readability>;
  twoOpen: ReturnType<typeof readability>;
  openMs: number;
  /** Opening the closed group nearest 500 members and laying it out. */
  near500: {
    kind: string;
    members: number;
    drawn: number;
    /** The median of the opens, and each open. */
    ms: number;
    each: number[];
    overlap: number;
  } | null;
}

/** The group nearest this many members. */
const GROUP_SIZE = 500;

/** Double-clicks a drawn group open and waits until it is gone and no layout runs; returns the ms. */
async function openGroup(page: Page, key: string): Promise<number> {
  const box = await page.locator('#graph').boundingBox();
  const at = await page.evaluate((k) => window.__ariadne?.drawn(k)?.viewport, key);
  if (!at || !box) throw new Error(`the group ${key} is not drawn`);
  const started = Date.now();
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
  await page.waitForFunction((k) => !window.__ariadne?.shown().nodes.includes(k), key, { timeout: 60_000 });
  // Polled every frame, not every 100 ms as `settle` does: this is the figure timed.
  await page.waitForFunction(() => window.__ariadne?.layoutRunning() === false, null, {
    timeout: 60_000,
    polling: 'raf',
  });
  const ms = Date.now() - started;
  await settle(page);
  return ms;
}

/** Opens the two largest syndicates by double-clicks and measures the drawing once laid out. */
async function measureReadability(page: Page): Promise<Readable> {
  await settle(page);
  const closed = readability(await readDrawing(page));
  const groups = await page.evaluate(() => window.__ariadne?.groups() ?? []);
  const largest = groups
    .filter((g) => g.kind === 'syndicate')
    .sort((a, b) => b.members - a.members)
    .slice(0, 2)
    .map((g) => g.key);
  let spent = 0;
  for (const key of largest) spent += await openGroup(page, key);
  const openMs = spent / Math.max(largest.length, 1);
  const twoOpen = readability(await readDrawing(page), largest);
  const now = await page.evaluate(() => window.__ariadne?.groups() ?? []);
  const nearest = now
    .filter((g) => g.kind === 'syndicate' || g.kind === 'cell')
    .sort((a, b) => Math.abs(a.members - GROUP_SIZE) - Math.abs(b.members - GROUP_SIZE))[0];
  let near500: Readable['near500'] = null;
  if (nearest) {
    // One open moves by a third with the machine's load: it is closed again (undo) and opened again.
    const each: number[] = [];
    for (let i = 0; i < opens; i++) {
      if (i > 0) {
        await page.keyboard.press('Control+z');
        await page.waitForFunction((k) => window.__ariadne?.shown().nodes.includes(k), nearest.key);
        await settle(page);
      }
      each.push(await openGroup(page, nearest.key));
    }
    const after = readability(await readDrawing(page), [...largest, nearest.key]);
    near500 = {
      kind: nearest.kind,
      members: nearest.members,
      drawn: after.nodes,
      ms: median(each),
      each,
      overlap: after.worstOverlap.share,
    };
  }
  return { closed, twoOpen, openMs, near500 };
}

async function measureApp(
  base: string,
  graph: BenchGraph,
  grouped: boolean,
): Promise<Figures & { readable?: Readable }> {
  const browser = await launchBrowser({ width: 1400, height: 900 });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`app page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`app console: ${m.text()}`));
    await page.addInitScript(PAGE_PROBES);
    const state = {
      loads: [{ kind: 'case' }],
      grouping: { mode: grouped ? 'grouped' : 'open', toggled: [] },
    };
    const view = Buffer.from(JSON.stringify(state)).toString('base64url');
    await page.goto(`${base}/#view=${view}`);
    // Polls the cheap first-frame mark, not the shown nodes, which would cost the page time itself.
    await page.waitForFunction(() => window.__ariadne?.firstGraphFrame() != null, null, {
      timeout: 120_000,
      polling: 50,
    });
    const firstFrame = (await page.evaluate(() => window.__ariadne?.firstGraphFrame())) as number;
    const drawn = await page.evaluate(() => window.__ariadne?.shown().nodes.length ?? 0);
    if (!grouped && drawn < graph.nodes)
      throw new Error(`the app drew ${drawn} of ${graph.nodes} nodes in its first frame`);
    if (grouped && drawn > 60) throw new Error(`the app drew ${drawn} nodes grouped, more than 60`);
    const phases = await phasesOf(page, 'ariadne:', firstFrame);
    const after = await marksAfter(page, 'ariadne:', firstFrame);
    const watched = await watchAfterFirstFrame(page, firstFrame, watchMs);
    await page.evaluate(() => window.__ariadne?.stopLayout());
    const frame = await page.evaluate(
      (n) => window.__ariadne?.measureFrames(n) as Promise<{ mean: number; worst: number }>,
      frames,
    );
    const readable = grouped ? await measureReadability(page) : undefined;
    return {
      firstFrame,
      frameMean: frame.mean,
      frameWorst: frame.worst,
      phases,
      after,
      ...watched,
      ...(readable ? { readable } : {}),
    };
  } finally {
    await browser.close();
  }
}

async function measureBare(base: string): Promise<Figures> {
  const browser = await launchBrowser({ width: 1400, height: 900 });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`bare page error: ${error.message}`));
    await page.addInitScript(PAGE_PROBES);
    await page.goto(`${base}/bare.html`);
    await page.waitForFunction(
      () => (window as unknown as { __firstFrame?: number }).__firstFrame !== undefined,
      null,
      { timeout: 120_000, polling: 50 },
    );
    const firstFrame = await page.evaluate(
      () => (window as unknown as { __firstFrame: number }).__firstFrame,
    );
    const phases = await phasesOf(page, 'bare:', firstFrame);
    const watched = await watchAfterFirstFrame(page, firstFrame, watchMs);
    const frame = await page.evaluate(
      (n) =>
        (window as unknown as { __measure(n: number): Promise<{ mean: number; worst: number }> }).__measure(
          n,
        ),
      frames,
    );
    return { firstFrame, frameMean: frame.mean, frameWorst: frame.worst, phases, after: {}, ...watched };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** The median of each figure over the rounds. */
function medianFigures(runs: Figures[]): Figures {
  const of = (pick: (r: Figures) => number) => median(runs.map(pick));
  const phases: Record<string, number> = {};
  for (const name of Object.keys(runs[0]?.phases ?? {})) phases[name] = of((r) => r.phases[name] ?? 0);
  const after: Record<string, number> = {};
  for (const name of Object.keys(runs[0]?.after ?? {})) after[name] = of((r) => r.after[name] ?? 0);
  return {
    firstFrame: of((r) => r.firstFrame),
    frameMean: of((r) => r.frameMean),
    frameWorst: of((r) => r.frameWorst),
    longestStall: of((r) => r.longestStall),
    stalledShare: of((r) => r.stalledShare),
    longestTask: of((r) => r.longestTask),
    phases,
    after,
  };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** Phases before the first frame, as `name ms`. */
const phaseList = (phases: Record<string, number>) =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${Math.round(ms)}`)
    .join(', ');

/** The grouped view's figures beside its targets. */
function groupedRow(app: Figures, bare: Figures, readable: Readable | undefined): string {
  const f = (ms: number) => `${Math.round(ms).toString().padStart(6)} ms`;
  const lines = [
    `  grouped: first frame app ${f(app.firstFrame)}  bare (ungrouped) ${f(bare.firstFrame)}  ratio ${(app.firstFrame / bare.firstFrame).toFixed(2)}x (target <= 1.00x)`,
    `    phases (ms): app ${phaseList(app.phases)}`,
    ...(Object.keys(app.after).length > 0
      ? [`    marks after the first frame (ms after it): ${phaseList(app.after)}`]
      : []),
  ];
  if (readable) {
    const { closed, twoOpen } = readable;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    lines.push(
      `    as opened: ${closed.nodes} nodes drawn (target <= 60), worst disc overlap ${pct(closed.worstOverlap.share)} of the smaller radius (target <= 10%), group labels shown ${pct(closed.groupLabelsShown)} (target >= 80%), overlapping label pairs ${closed.labelOverlaps.length} (target 0)`,
      `    two largest syndicates open: ${twoOpen.nodes} nodes, worst disc overlap ${pct(twoOpen.worstOverlap.share)}, group labels shown ${pct(twoOpen.groupLabelsShown)}, overlapping label pairs ${twoOpen.labelOverlaps.length}, region overlaps ${twoOpen.regionOverlaps} (target 0); opening one and its layout ${f(readable.openMs)}`,
    );
    const near = readable.near500;
    lines.push(
      near
        ? `    then the ${near.kind} nearest ${GROUP_SIZE} members (${near.members}): opening it and its layout ${f(near.ms)} (median of ${near.each.length}: ${near.each.map((ms) => Math.round(ms)).join(', ')} ms; target < 1000 ms), ${near.drawn} nodes drawn after, worst disc overlap ${pct(near.overlap)}`
        : `    no closed group was left to open after the two largest syndicates`,
    );
  }
  return lines.join('\n');
}

function row(name: string, graph: BenchGraph, app: Figures, bare: Figures, loads: string): string {
  const f = (ms: number) => `${Math.round(ms).toString().padStart(6)} ms`;
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const pct = (share: number) => `${Math.round(share * 100)}%`;
  return [
    `${name.padEnd(8)} ${String(graph.nodes).padStart(6)} nodes ${String(graph.edges).padStart(7)} links   (load average ${loads})`,
    `  first frame: app ${f(app.firstFrame)}  bare ${f(bare.firstFrame)}  ratio ${r(app.firstFrame, bare.firstFrame)}`,
    `  frame time:  app ${f(app.frameMean)}  bare ${f(bare.frameMean)}  ratio ${r(app.frameMean, bare.frameMean)}  (worst app ${f(app.frameWorst)}, bare ${f(bare.frameWorst)})`,
    `  after the first frame, ${watchMs / 1_000} s: longest stall app ${f(app.longestStall)}, bare ${f(bare.longestStall)}; stalled app ${pct(app.stalledShare)}, bare ${pct(bare.stalledShare)}`,
    `  longest main-thread task: app ${f(app.longestTask)}, bare ${f(bare.longestTask)}`,
    `  phases (ms): app ${phaseList(app.phases)}`,
    `               bare ${phaseList(bare.phases)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (builtBefore) {
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(
        `--dist ${builtBefore}: no index.html there; build one with npx vite build web --outDir <folder>`,
      );
  } else {
    // The web app as its sources are now.
    const built = spawnSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the web build failed; see above');
  }
  const work = join(root, 'tmp', 'bench-web');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const bare = await buildBarePage(work);
  const cases: [string, () => BenchGraph][] = [
    ['demo', () => demoGraph()],
    ['10k', () => generatedGraph(10_000, 50_000, 1)],
    ['50k', () => generatedGraph(50_000, 150_000, 2)],
  ];
  console.log(
    `Web benchmark: headless Chromium (${CHROMIUM}), software WebGL, ${cpus().length} cores; ` +
      `app from ${builtBefore ? dist : 'web/ built now'}; ` +
      `${frames} pan/zoom frames; median of ${rounds} alternating rounds of app and bare sigma\n`,
  );
  for (const [name, make] of cases) {
    if (only && !only.includes(name)) continue;
    const graph = make();
    const json = JSON.stringify(graph.serialized);
    writeFileSync(join(work, `${name}.json`), json);
    const run = communitiesRun(graph);
    const server = await serve([dist, bare], () => json, run);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const before = load();
    try {
      const apps: Figures[] = [];
      const groupedApps: (Figures & { readable?: Readable })[] = [];
      const bares: Figures[] = [];
      for (let round = 0; round < rounds; round++) {
        if (!groupedOnly) apps.push(await measureApp(base, graph, false));
        if (!ungroupedOnly) groupedApps.push(await measureApp(base, graph, true));
        bares.push(await measureBare(base));
      }
      const bareFigures = medianFigures(bares);
      const loads = `${before} -> ${load()}`;
      if (groupedOnly)
        console.log(
          `${name.padEnd(8)} ${graph.nodes} nodes ${graph.edges} links   (load average ${loads})\n  bare first frame ${Math.round(bareFigures.firstFrame)} ms; phases (ms): ${phaseList(bareFigures.phases)}`,
        );
      else console.log(row(name, graph, medianFigures(apps), bareFigures, loads));
      if (!ungroupedOnly)
        console.log(
          groupedRow(medianFigures(groupedApps), bareFigures, groupedApps[groupedApps.length - 1]?.readable),
        );
    } finally {
      server.close();
    }
  }
}

await main();
