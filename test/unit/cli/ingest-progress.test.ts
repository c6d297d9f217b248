import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../scripts/cli/commands/ingest-progress.ts';

// A plain (non-terminal) stream: the progress prints whole lines, the first at once.
function capture(): { out: NodeJS.WriteStream; lines: string[] } {
  const lines: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk).replaceAll('\u001b[2K', '').trim());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { out, lines };
}

describe('the ingest progress', () => {
  it('names each pass with its records, its rate and the time left', async () => {
    const { out, lines } = capture();
    const progress = createProgress(out);
    progress.update({ phase: 'validate', done: 0, fraction: 0 });
    progress.update({ phase: 'check', done: 0, total: 10 });
    progress.update({ phase: 'write', done: 0, total: 100 });
    progress.end();
    expect(lines).toEqual([
      'validating 0 records, 0/s',
      'checking links 0/10 records, 0/s',
      'writing 0/100 records, 0/s',
    ]);
  });

  it('estimates the time left while validating from the share of the input read', async () => {
    const { out, lines } = capture();
    Object.assign(out, { isTTY: true });
    const progress = createProgress(out);
    progress.update({ phase: 'validate', done: 0, fraction: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    progress.update({ phase: 'validate', done: 100, fraction: 0.25 });
    // A quarter read in about 0.4 s: about 1.2 s left (more on a busy machine); a quarter of the bar filled.
    expect(lines.at(-1)).toMatch(/^\[#{6}\.{18}\] validating 100 records, \d+\/s ETA 0:0\d$/);
  });
});
