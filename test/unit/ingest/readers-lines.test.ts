import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LineEvent, readLineBatches, readLines } from '../../../server/ingest/readers/lines.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ariadne-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(bytes: Buffer, maxLineBytes = 1 << 20): Promise<LineEvent[]> {
  const path = join(dir, `f-${Math.random()}.txt`);
  await writeFile(path, bytes);
  const events: LineEvent[] = [];
  for await (const event of readLines(path, maxLineBytes)) events.push(event);
  return events;
}

// Lines of several chunks (256 KiB each): multi-byte characters, CRLF and LF, so that chunk borders
// fall inside lines and inside characters.
function manyLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i},Ahmed ${'é€𝄞'.repeat(i % 7)},ligne ${i}`);
}

describe('readLines', () => {
  it('gives every line of a file of many chunks, in order, numbered, with its own ending', async () => {
    const lines = manyLines(40_000);
    const text = lines.map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n')).join('');
    const events = await readAll(Buffer.from(`\uFEFF${text}`));
    expect(events).toHaveLength(lines.length);
    events.forEach((event, i) => {
      expect(event).toEqual({ type: 'text', line: i + 1, text: lines[i], eol: i % 3 === 0 ? '\r\n' : '\n' });
    });
  });

  it('gives the same lines in batches of at most 1,024, none empty', async () => {
    const lines = manyLines(40_000);
    const text = lines.map((line, i) => line + (i % 3 === 0 ? '\r\n' : '\n')).join('');
    const path = join(dir, 'batches.txt');
    await writeFile(path, text);
    const sizes: number[] = [];
    const flat: LineEvent[] = [];
    for await (const batch of readLineBatches(path, 1 << 20)) {
      sizes.push(batch.length);
      flat.push(...batch);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    const one: LineEvent[] = [];
    for await (const event of readLines(path, 1 << 20)) one.push(event);
    expect(flat).toEqual(one);
    expect(flat).toHaveLength(lines.length);
  });

  it('names the line that is not UTF-8 in the middle of a chunk, and reads the others', async () => {
    const lines = manyLines(20_000);
    const parts = lines.map((line) => Buffer.from(`${line}\n`));
    parts[12_345] = Buffer.concat([Buffer.from('bad \xff byte', 'latin1'), Buffer.from('\n')]);
    const events = await readAll(Buffer.concat(parts));
    expect(events).toHaveLength(lines.length);
    expect(events[12_345]).toMatchObject({ type: 'problem', line: 12_346, fatal: false });
    expect(events[12_345]).toHaveProperty('message', expect.stringContaining('not valid UTF-8'));
    expect(events[12_346]).toEqual({ type: 'text', line: 12_347, text: lines[12_346], eol: '\n' });
    expect(events.filter((e) => e.type === 'problem')).toHaveLength(1);
  });

  it('reports a line over the limit inside a chunk as too long and goes on', async () => {
    const lines = ['a,b', 'x'.repeat(5_000), 'c,d'];
    const events = await readAll(Buffer.from(`${lines.join('\n')}\nlast`), 1_000);
    expect(events.map((e) => (e.type === 'text' ? e.text : `problem ${e.line}`))).toEqual([
      'a,b',
      'problem 2',
      'c,d',
      'last',
    ]);
    expect(events[3]).toMatchObject({ eol: '' });
  });
});
