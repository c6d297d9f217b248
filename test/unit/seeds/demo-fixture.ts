/**
 * The scale-1 demo case, generated once per test file, with lookups the seed tests share.
 */
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import {
  type DemoRecord,
  type EntityRecord,
  isLinkRecord,
  type LinkRecord,
} from '../../../seeds/demo/types.ts';

/** The scale-1 case, its records split by kind and indexed. */
export function loadDemoCase() {
  const demo = generateDemoCase();
  const records: DemoRecord[] = [...demo.records];
  const entities = records.filter((r): r is EntityRecord => !isLinkRecord(r));
  const links = records.filter(isLinkRecord);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const linksFrom = (id: string, type: string): LinkRecord[] =>
    links.filter((l) => l.source === id && l.type === type);
  const linksTo = (id: string, type: string): LinkRecord[] =>
    links.filter((l) => l.target === id && l.type === type);
  return { truth: demo.truth, records, entities, links, byId, linksFrom, linksTo };
}
