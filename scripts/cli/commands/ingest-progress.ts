/**
 * Progress of an import on stderr: a bar with records, rate and ETA on a terminal, plain lines every
 * few seconds otherwise (logs, CI). Not a command: the CLI skips files that export no `commands`.
 */
import type { IngestProgress } from '../../../server/ingest/index.ts';

const PHASES: Record<IngestProgress['phase'], string> = {
  validate: 'validating',
  check: 'checking links',
  write: 'writing',
};

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A progress callback drawing on `out` (stderr by default). */
export function createProgress(out: NodeJS.WriteStream = process.stderr): {
  update: (progress: IngestProgress) => void;
  end: () => void;
} {
  const tty = out.isTTY === true;
  let phase = '';
  let started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  const update = (progress: IngestProgress) => {
    const now = Date.now();
    if (progress.phase !== phase) {
      if (drawn && tty) out.write('\n');
      phase = progress.phase;
      started = now;
      lastDraw = 0;
    }
    if (now - lastDraw < (tty ? 100 : 5_000)) return;
    lastDraw = now;
    const elapsed = (now - started) / 1000;
    const rate = elapsed > 0 ? progress.done / elapsed : 0;
    const total = progress.total;
    const count = total
      ? `${progress.done.toLocaleString('en')}/${total.toLocaleString('en')}`
      : progress.done.toLocaleString('en');
    const eta = total && rate > 0 ? ` ETA ${clock((total - progress.done) / rate)}` : '';
    const text = `${PHASES[progress.phase]} ${count} records, ${Math.round(rate).toLocaleString('en')}/s${eta}`;
    if (tty) {
      const width = 24;
      const filled = total ? Math.min(width, Math.round((progress.done / total) * width)) : 0;
      const bar = total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
      out.write(`\r\x1b[2K${bar}${text}`);
      drawn = true;
    } else out.write(`${text}\n`);
  };
  const end = () => {
    if (drawn && tty) out.write('\n');
    drawn = false;
  };
  return { update, end };
}
