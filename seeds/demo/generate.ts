/**
 * The demo case: an invented joint operation against five people-smuggling syndicates on the
 * Central Mediterranean, Eastern Mediterranean, Western Balkans, West Africa - Canary Islands and
 * Andean - Caribbean routes, as Ariadne NDJSON records, with the ground truth planted in it.
 *
 * Deterministic for a seed (mulberry32, fixed dates). Records stream from a generator, so large
 * scales never sit in memory; `scale` adds one syndicate (cloned from a template) per step.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { CaseContext } from './context.ts';
import { SYNDICATE_TEMPLATES } from './data/syndicates.ts';
import { TruthBuilder } from './ground-truth.ts';
import { createRng } from './prng.ts';
import { buildBridges } from './build-bridges.ts';
import { buildCaseFrame } from './build-case.ts';
import { buildSyndicate } from './build-syndicate.ts';
import { type BaseStates, buildTypologies } from './build-typologies.ts';
import type { DemoRecord, GroundTruth } from './types.ts';

/** Options of the demo generator. */
export interface DemoOptions {
  /** Seed of the random stream; the same seed gives the same case. */
  seed?: number;
  /** 1 gives the five syndicates; each further step adds one more syndicate. */
  scale?: number;
}

/** The defaults of `generateDemoCase`. */
export const DEMO_DEFAULTS = { seed: 20261124, scale: 1 } as const;

// Added syndicates run a quarter more crossings than the templates, so that scale 25 gives about
// 100,000 records and scale 250 about a million.
const EXTRA_VOLUME = 1.25;

/** A generated case: records to iterate (each iteration regenerates them) and its ground truth. */
export interface DemoCase {
  records: Iterable<DemoRecord>;
  /** Computed on first access by one pass over the records (none are kept). */
  readonly truth: GroundTruth;
}

function checkOptions(options: DemoOptions): { seed: number; scale: number } {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const scale = options.scale ?? DEMO_DEFAULTS.scale;
  if (!Number.isInteger(seed)) throw new Error(`seeds/demo: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(scale) || scale < 1) {
    throw new Error(`seeds/demo: scale must be a whole number of at least 1, got ${scale}`);
  }
  return { seed, scale };
}

/** Streams the records of one case, filling `truth` as they go. */
export function* streamDemoCase(options: DemoOptions, truth: TruthBuilder): Generator<DemoRecord> {
  const { seed, scale } = checkOptions(options);
  const ctx = new CaseContext(createRng(seed), truth);
  yield* buildCaseFrame(ctx);
  const states = [];
  for (const template of SYNDICATE_TEMPLATES) {
    states.push(yield* buildSyndicate(ctx, template, template.key, template.name));
  }
  const [cm, em, wb, wa, ac] = states;
  if (!cm || !em || !wb || !wa || !ac) throw new Error('seeds/demo: the five base syndicates are missing');
  const base: BaseStates = { cm, em, wb, wa, ac };
  yield* buildTypologies(ctx, base);
  yield* buildBridges(ctx, base);
  for (let extra = 1; extra < scale; extra++) {
    const template = SYNDICATE_TEMPLATES[(extra - 1) % SYNDICATE_TEMPLATES.length]!;
    const cell = Math.floor((extra - 1) / SYNDICATE_TEMPLATES.length) + 2;
    yield* buildSyndicate(
      ctx,
      template,
      `${template.key}${cell}`,
      `${template.name} - cell ${cell}`,
      EXTRA_VOLUME,
    );
  }
}

/** Generates the demo case for a seed and scale (defaults: seed 20261124, scale 1). */
export function generateDemoCase(options: DemoOptions = {}): DemoCase {
  const { seed, scale } = checkOptions(options);
  let truth: GroundTruth | undefined;
  return {
    records: { [Symbol.iterator]: () => streamDemoCase({ seed, scale }, new TruthBuilder(seed, scale)) },
    get truth(): GroundTruth {
      if (!truth) {
        const builder = new TruthBuilder(seed, scale);
        for (const _ of streamDemoCase({ seed, scale }, builder));
        truth = builder.finish();
      }
      return truth;
    },
  };
}

/** Writes `demo-case.ndjson` and `ground-truth.json` into `dir` in one streaming pass; returns the truth. */
export async function writeDemoFiles(dir: string, options: DemoOptions = {}): Promise<GroundTruth> {
  const { seed, scale } = checkOptions(options);
  await mkdir(dir, { recursive: true });
  const builder = new TruthBuilder(seed, scale);
  const out = createWriteStream(join(dir, 'demo-case.ndjson'), { encoding: 'utf8' });
  let chunk = '';
  for (const record of streamDemoCase({ seed, scale }, builder)) {
    chunk += JSON.stringify(record) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  const truth = builder.finish();
  await writeFile(join(dir, 'ground-truth.json'), JSON.stringify(truth, null, 2) + '\n');
  return truth;
}
