import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadError, readRecords } from '../../../server/ingest/readers/index.ts';
import { validateRecord } from '../../../server/schema/records.ts';
import { generateDemoCase, writeDemoFiles } from '../../../seeds/demo/generate.ts';
import type { GroundTruth } from '../../../seeds/demo/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'ariadne-demo-'));
let truth: GroundTruth;
beforeAll(async () => {
  truth = await writeDemoFiles(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeDemoFiles', () => {
  it('writes the case as NDJSON and the ground truth beside it, and both match the generator', () => {
    const lines = readFileSync(join(dir, 'demo-case.ndjson'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(truth.counts.totalEntities + truth.counts.totalLinks);
    expect(JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'))).toEqual(
      generateDemoCase().truth,
    );
    expect(lines.some((line) => line.includes('ground-truth'))).toBe(false);
  });

  it('gives files that the NDJSON reader and the record schema accept line by line', async () => {
    const problems: string[] = [];
    let accepted = 0;
    for await (const item of readRecords([join(dir, 'demo-case.ndjson')])) {
      if (isReadError(item)) problems.push(`${item.line}: ${item.message}`);
      else if (validateRecord(item).ok) accepted += 1;
      else problems.push(`${item.line}: ${JSON.stringify(validateRecord(item)).slice(0, 200)}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(accepted).toBeGreaterThan(13_000);
  });
});
