/** The store as an export source: every stream a fresh paged read under the scope's clearance. */
import { type ExportScope, readExportEntities, readExportLinks } from '../store/export-reads.ts';
import type { Store } from '../store/store.ts';
import type { ExportSource } from './types.ts';

/** An export source over the store, limited to what the scope's clearance (and case) allows. */
export function storeSource(store: Store, scope: ExportScope): ExportSource {
  return {
    entities: () => readExportEntities(store, scope),
    links: () => readExportLinks(store, scope),
  };
}
