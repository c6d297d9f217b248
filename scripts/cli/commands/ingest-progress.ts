/**
 * Progress of an import on stderr: a bar with records, rate and ETA on a terminal, plain lines every
 * few seconds otherwise (logs, CI). Not a command: the CLI skips files that export no `commands`.
 */
import type { IngestProgress } from '../../../server/ingest/index.ts';

const PHASES: Record<IngestProgress['phase'], string> = {
  validate: 'validating',
  check: 'checking links',
  write: 'writing',
  files: 'writing the bulk files of',
  load: 'bulk loading',
};

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// The time left in this pass: from the records left at the current rate, or (reading files, where
// the number of records is not known yet) from the share of the input read so far.
function etaOf(progress: IngestProgress, elapsed: number, rate: number): string {
  if (progress.total && rate > 0) return ` ETA ${clock((progress.total - progress.done) / rate)}`;
  const fraction = progress.fraction;
  if (fraction && fraction > 0 && fraction < 1) return ` ETA ${clock((elapsed * (1 - fraction)) / fraction)}`;
  return '';
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
    const eta = etaOf(progress, elapsed, rate);
    const text = `${PHASES[progress.phase]} ${count} records, ${Math.round(rate).toLocaleString('en')}/s${eta}`;
    if (tty) {
      const width = 24;
      const share = total ? progress.done / total : progress.fraction;
      const filled = share === undefined ? 0 : Math.min(width, Math.round(share * width));
      const bar = share === undefined ? '' : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
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
