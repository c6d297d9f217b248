/**
 * The faults the TCP proxy can be armed with, and how it finds the moment to strike in the bytes:
 * after a count of bytes, or at the Bolt COMMIT of the transaction whose query contains a text.
 * Bolt frames a message in chunks (a 2-byte size, the bytes, a 00 00 end marker); COMMIT is a struct
 * with no fields (marker B0) and signature 0x12, so on the wire it is exactly 00 02 B0 12 00 00.
 */

/** Which end sent a chunk: the client (driver) or the server (Neo4j). */
export type Side = 'client' | 'server';

/** A reset at the COMMIT of the `nth` (default first) transaction whose query contains `query`. */
export interface CommitFault {
  query: string;
  /** before: the COMMIT never reaches the server, which rolls back; after: it commits, and its answer is lost. */
  when: 'before' | 'after';
  nth?: number;
}

/** What the proxy does with a chunk: pass it, or forward its first `forward` bytes and reset. */
export type Verdict = { kind: 'pass' } | { kind: 'reset'; forward: number; fired: () => void };

const COMMIT = Buffer.from([0x00, 0x02, 0xb0, 0x12, 0x00, 0x00]);
const TAIL = 512;

interface BytesArm {
  from: Side;
  left: number;
  done: () => void;
}

interface CommitArm {
  query: Buffer;
  when: CommitFault['when'];
  nth: number;
  seen: number;
  pair: object | null;
  committing: boolean;
  done: () => void;
}

/** Indexes where `pattern` occurs in `window` and ends past `offset` (in the new bytes). */
function matches(window: Buffer, pattern: Buffer, offset: number, from = 0): number[] {
  const found: number[] = [];
  for (let i = window.indexOf(pattern, from); i !== -1; i = window.indexOf(pattern, i + 1))
    if (i + pattern.length > offset) found.push(i);
  return found;
}

/** The armed faults, and the recent bytes of each connection (a pattern may straddle two chunks). */
export class FaultWatch {
  private bytes: BytesArm[] = [];
  private commits: CommitArm[] = [];
  private tails = new WeakMap<object, Record<Side, Buffer>>();

  armBytes(left: number, from: Side): Promise<void> {
    if (!Number.isInteger(left) || left < 1) throw new Error('resetAfterBytes: give a count of 1 or more');
    return new Promise((done) => this.bytes.push({ from, left, done }));
  }

  armCommit(fault: CommitFault): Promise<void> {
    if (fault.query.length === 0 || fault.query.length >= TAIL)
      throw new Error(`resetAtCommit: the query text must be 1 to ${TAIL - 1} characters`);
    return new Promise((done) =>
      this.commits.push({
        query: Buffer.from(fault.query, 'utf8'),
        when: fault.when,
        nth: fault.nth ?? 1,
        seen: 0,
        pair: null,
        committing: false,
        done,
      }),
    );
  }

  /** Decides what happens to a chunk from `from` on the connection `pair`. */
  inspect(pair: object, from: Side, chunk: Buffer): Verdict {
    const tails = this.tails.get(pair) ?? { client: Buffer.alloc(0), server: Buffer.alloc(0) };
    const window = Buffer.concat([tails[from], chunk]);
    const offset = tails[from].length;
    tails[from] = window.subarray(Math.max(0, window.length - TAIL));
    this.tails.set(pair, tails);
    return this.onBytes(from, chunk) ?? this.onCommit(pair, from, window, offset) ?? { kind: 'pass' };
  }

  private onBytes(from: Side, chunk: Buffer): Verdict | undefined {
    for (const arm of this.bytes) {
      if (arm.from !== from) continue;
      if (chunk.length < arm.left) {
        arm.left -= chunk.length;
        continue;
      }
      this.bytes.splice(this.bytes.indexOf(arm), 1);
      return { kind: 'reset', forward: arm.left, fired: arm.done };
    }
    return undefined;
  }

  private onCommit(pair: object, from: Side, window: Buffer, offset: number): Verdict | undefined {
    for (const arm of this.commits) {
      if (arm.pair === pair && arm.committing) {
        if (from !== 'server') continue;
        this.commits.splice(this.commits.indexOf(arm), 1);
        return { kind: 'reset', forward: 0, fired: arm.done };
      }
      if (from !== 'client') continue;
      let after = 0;
      if (arm.pair === null) {
        for (const at of matches(window, arm.query, offset)) {
          arm.seen += 1;
          if (arm.seen === arm.nth) {
            arm.pair = pair;
            after = at + arm.query.length;
          }
        }
      }
      if (arm.pair !== pair) continue;
      const commit = matches(window, COMMIT, offset, after)[0];
      if (commit === undefined) continue;
      if (arm.when === 'after') {
        arm.committing = true;
        return { kind: 'pass' };
      }
      this.commits.splice(this.commits.indexOf(arm), 1);
      return { kind: 'reset', forward: Math.max(0, commit - offset), fired: arm.done };
    }
    return undefined;
  }
}
