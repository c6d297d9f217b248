/**
 * A small case with known answers, as raw records: two cells of four facilitators who call each
 * other, joined only through the broker `b`; a smuggled person `s` carried by every facilitator of
 * both cells (central, but never a key player); the broker paying four accounts within a week (a
 * fan-out); and cell B suspected of terrorism.
 */
import { graphFromRecords } from '../../../server/runner/graph-from-records.ts';

const person = (id: string, roles: string[]) => ({ kind: 'entity', type: 'Person', id, name: id, roles });
const link = (type: string, source: string, target: string, extra: Record<string, unknown> = {}) => ({
  kind: 'link',
  type,
  source,
  target,
  grade: 'B2',
  ...extra,
});

/** The records of the small case. */
export function smallCaseRecords(): object[] {
  const cellA = ['a1', 'a2', 'a3', 'a4'];
  const cellB = ['b1', 'b2', 'b3', 'b4'];
  const records: object[] = [
    ...[...cellA, ...cellB].map((id) => person(id, ['transporter'])),
    person('b', ['money broker']),
    person('s', ['smuggled person']),
    { kind: 'entity', type: 'Offence', id: 'off:t', name: 'financing', category: 'terrorism' },
  ];
  for (const cell of [cellA, cellB])
    for (let i = 0; i < cell.length; i++)
      for (let j = i + 1; j < cell.length; j++)
        records.push(link('CONTACTED', cell[i] as string, cell[j] as string, { weight: 5 }));
  records.push(link('ASSOCIATE_OF', 'b', 'a1'), link('ASSOCIATE_OF', 'b', 'b1'));
  for (const f of [...cellA, ...cellB]) records.push(link('SMUGGLED', f, 's'));
  records.push(link('SUSPECTED_OF', 'b3', 'off:t', { grade: 'C3' }));
  records.push({ kind: 'bank', type: 'Account', id: 'acc:b', name: 'b', country: 'TR' });
  records.push(link('HOLDS_ACCOUNT', 'b', 'acc:b'));
  for (let i = 1; i <= 4; i++) {
    records.push({ kind: 'bank', type: 'Account', id: `acc:${i}`, name: `acc ${i}`, country: 'LY' });
    records.push({
      kind: 'entity',
      type: 'Payment',
      id: `pay:${i}`,
      name: `payment ${i}`,
      amount: 1000 * i,
      currency: 'USD',
      date: `2024-03-0${i}`,
    });
    records.push(link('PAID', 'acc:b', `pay:${i}`), link('RECEIVED', `pay:${i}`, `acc:${i}`));
  }
  return records;
}

/** The small case as the analyses' graph. */
export function smallCase() {
  const { graph, problems } = graphFromRecords(smallCaseRecords(), {
    defaults: { sources: ['src:test'], handling: 'H0' },
  });
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return graph;
}
