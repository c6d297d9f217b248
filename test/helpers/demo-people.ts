/**
 * The people and the money of the demo case in the test Neo4j: sources, cases, persons,
 * organisations, accounts (the restricted `acct:cm:900` among them), payments and offences, with the
 * links between them. Enough for communities and key players, and quicker to load than the whole case.
 */
import type { Store } from '../../server/store/store.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';

const KEEP = new Set(['Source', 'Case', 'Person', 'Organisation', 'Account', 'Payment', 'Offence']);

/** The restricted account of the demo case, visible only to the Guardia di Finanza at H3. */
export const DEMO_RESTRICTED = 'acct:cm:900';

/** The organiser who holds the restricted account. */
export const DEMO_HOLDER = 'person:cm:0001';

type DemoRecord = Record<string, unknown> & { kind: string; type: string; id: string };

/** The subset's records; `only` keeps just the entities it names, and the links between them. */
export function demoPeopleRecords(only?: ReadonlySet<string>): DemoRecord[] {
  const all = [...generateDemoCase().records] as DemoRecord[];
  const wanted = (r: DemoRecord) => KEEP.has(r.type) && (only === undefined || only.has(r.id));
  const kept = new Set(all.filter((r) => r.kind !== 'link' && wanted(r)).map((r) => r.id));
  return all.filter((r) =>
    r.kind === 'link' ? kept.has(String(r.source)) && kept.has(String(r.target)) : kept.has(r.id),
  );
}

/** Loads the subset (or the entities `only` names) into the store; throws when a record is refused. */
export async function loadDemoPeople(store: Store, only?: ReadonlySet<string>): Promise<void> {
  const result = await ingestRecords(store, demoPeopleRecords(only));
  if (!result.ok) throw new Error(`demo subset refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
}
