import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../../seeds/demo/generate.ts';
import { IdRegistry } from '../../../server/ingest/id-registry.ts';
import { IssueSink } from '../../../server/ingest/issue-sink.ts';
import { createReadStats, readRecordBatches } from '../../../server/ingest/readers/index.ts';
import { GroupedSpool, readSpool, SpoolWriter } from '../../../server/ingest/spool.ts';
import { type PassState, validateAll } from '../../../server/ingest/validate-pass.ts';
import { ValidationThreads } from '../../../server/ingest/validate-threads.ts';

let dir = '';
let input = '';
// A published FollowTheMoney file after it: its sanctions are patches to entities of its own.
const FTM = join(import.meta.dirname, '..', '..', 'fixtures', 'ftm', 'zala_entities.ftm.json');

// The demo case with a share of its lines spoiled in every way a file can be: unreadable lines, records
// without a kind, bad values, unsafe property names, an id used again for other values, the same record
// twice, links to ids defined later or nowhere, and patches.
function spoil(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const record = JSON.parse(line) as Record<string, unknown>;
    switch (i % 17) {
      case 3:
        out.push(line.slice(0, line.length / 2));
        return;
      case 5:
        out.push(JSON.stringify({ ...record, kind: undefined }));
        return;
      case 7:
        out.push(JSON.stringify({ ...record, firstSeen: '2025-13-45' }));
        return;
      case 9:
        out.push(JSON.stringify({ ...record, 'bad key': 'x' }));
        return;
      case 11:
        out.push(line, JSON.stringify({ ...record, name: 'Someone else', grade: 'E5' }));
        return;
      case 13:
        out.push(line, line, '');
        return;
      case 15:
        out.push(record.kind === 'link' ? JSON.stringify({ ...record, target: `nowhere:${i}` }) : line);
        return;
      default:
        out.push(line);
    }
  });
  // Links first, so that many ends are defined only later in the import.
  return [...out.slice(-400), ...out.slice(0, -400)];
}

function newState(tmp: string): PassState {
  return {
    registry: new IdRegistry(),
    sink: new IssueSink(join(tmp, 'issues.ndjson')),
    entities: new GroupedSpool(tmp, 'entities'),
    links: new SpoolWriter(join(tmp, 'links.ndjson')),
    checkedLinks: new GroupedSpool(tmp, 'links-checked'),
    patches: new SpoolWriter(join(tmp, 'patches.ndjson')),
    rejected: new Set(),
    valid: {},
    seenFiles: new Set(),
    records: 0,
    validate: { defaults: { handling: 'H1' } },
    caseId: 'case:spoiled',
  };
}

async function contents(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of readSpool(path)) out.push(value);
  return out;
}

// Everything pass 1 leaves for the passes after it, read back.
async function validated(threads: number) {
  const tmp = await mkdtemp(join(dir, `threads-${threads}-`));
  const state = newState(tmp);
  const pool = threads > 0 ? new ValidationThreads(threads, state.validate) : undefined;
  try {
    await validateAll(state, readRecordBatches([input, FTM], { stats: createReadStats() }), pool);
  } finally {
    await pool?.close();
  }
  const checked = state.checkedLinks as GroupedSpool;
  await Promise.all([state.entities.close(), state.links.close(), state.patches.close(), checked.close()]);
  await state.sink.writeFiles([], 'errors', () => false);
  const groups = async (sink: GroupedSpool) =>
    Promise.all(
      sink.files().map(async ({ key, path, count }) => ({ key, count, rows: await contents(path) })),
    );
  return {
    records: state.records,
    valid: state.valid,
    rejected: [...state.rejected],
    firstIssues: state.sink.first,
    issues: await contents(join(tmp, 'issues.ndjson')),
    entities: await groups(state.entities as GroupedSpool),
    checkedLinks: await groups(checked),
    links: await contents(state.links.path),
    patches: await contents(state.patches.path),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ariadne-validate-threads-'));
  await writeDemoFiles(join(dir, 'demo'), { scale: 2 });
  const lines = readFileSync(join(dir, 'demo', 'demo-case.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean);
  input = join(dir, 'spoiled.ndjson');
  writeFileSync(input, `${spoil(lines).join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('validation threads', () => {
  it('leave pass 1 exactly as it is without them, on an input spoiled in every way', async () => {
    const alone = await validated(0);
    // The input gives every kind of outcome, over more batches than the threads hold at once.
    expect(alone.records).toBeGreaterThan(5 * 1024);
    expect(alone.issues.length).toBeGreaterThan(500);
    expect(alone.links.length).toBeGreaterThan(100);
    expect(alone.patches.length).toBeGreaterThan(40);
    expect(alone.checkedLinks.length).toBeGreaterThan(0);
    expect(await validated(1)).toEqual(alone);
    expect(await validated(2)).toEqual(alone);
  });

  it('reject every batch still out once closed, and refuse new ones', async () => {
    const pool = new ValidationThreads(1, {});
    const item = {
      file: 'f',
      line: 1,
      kind: 'entity' as const,
      type: 'Person',
      fields: { id: 'p1', name: 'A' },
    };
    const out = pool.check([item]);
    await pool.close();
    await expect(out).rejects.toThrow(/closed/);
    await expect(pool.check([item])).rejects.toThrow(/closed/);
  });
});
