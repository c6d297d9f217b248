import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../server/local/neo4j-import.ts';

let home: string;
let store: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ariadne-fingerprint-'));
  store = join(home, 'neo4j', 'data', 'databases', 'neo4j');
  mkdirSync(store, { recursive: true });
  mkdirSync(join(home, 'neo4j', 'data', 'transactions', 'neo4j'), { recursive: true });
  writeFileSync(join(store, 'neostore'), 'x');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('databaseFingerprint (whether the stopped database was used while bulk files were written)', () => {
  it('is the same while nothing touches the database', () => {
    expect(databaseFingerprint(home)).toBe(databaseFingerprint(home));
  });

  it('changes when a file of the database is written again, even to the same size', () => {
    const before = databaseFingerprint(home);
    utimesSync(join(store, 'neostore'), new Date(), new Date(Date.now() + 60_000));
    expect(databaseFingerprint(home)).not.toBe(before);
  });

  it('changes when a transaction log appears', () => {
    const before = databaseFingerprint(home);
    writeFileSync(join(home, 'neo4j', 'data', 'transactions', 'neo4j', 'neostore.transaction.db.0'), '');
    expect(databaseFingerprint(home)).not.toBe(before);
  });
});
