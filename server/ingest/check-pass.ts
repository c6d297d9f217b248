/**
 * The end of pass 1: every link's ends are resolved to labels (from the import itself, or by batched
 * look-ups of the ids it does not define) and checked against the link type's allowed endpoints; every
 * patch is resolved to its entity and its fields validated. Checked records go to new spools, with the
 * labels the write pass needs.
 */
import type { z } from 'zod';
import { ENTITY_SCHEMAS } from '../schema/entities/index.ts';
import { checkPropertyKey, ExtraValueSchema } from '../schema/extras.ts';
import { checkLinkEndpoints } from '../schema/link-endpoints.ts';
import { ENTITY_LABELS, type EntityLabel, type LinkType } from '../schema/model.ts';
import { lookupEntityLabels } from '../store/ingest-writes.ts';
import type { Store } from '../store/store.ts';
import { IdTable } from './id-table.ts';
import type { IdPartition } from './partition.ts';
import { type GroupSink, readSpool } from './spool.ts';
import type { PassState, SpooledLink, SpooledPatch } from './validate-pass.ts';

/** The spool group of checked links of one type between two labels. */
export function linkGroupKey(type: LinkType, source: EntityLabel, target: EntityLabel): string {
  return `${type}|${source}|${target}`;
}

/** The type and end labels of a link group's key. */
export function parseLinkGroupKey(key: string): { type: LinkType; source: EntityLabel; target: EntityLabel } {
  const [type, source, target] = key.split('|') as [LinkType, EntityLabel, EntityLabel];
  return { type, source, target };
}

const CHUNK = 5_000;

/**
 * Resolves ids to labels: the import's own first, then the database, remembering both answers in
 * compact tables (a file may link to millions of ids it does not define). Without a store the database
 * is known to be empty (a bulk load's, offline meanwhile): an id the import does not define is nowhere.
 */
export class LabelResolver {
  // Ids the import does not define: those found in the database with their label's code, and the others.
  private readonly external = new IdTable({ payload: 1 });
  private readonly absent = new IdTable();

  constructor(
    private readonly store: Store | undefined,
    private readonly state: PassState,
    private readonly partition?: IdPartition,
  ) {}

  /** Looks up, in one batch, the ids the import does not define and has not asked about yet. */
  async prefetch(ids: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const id of ids) if (this.labelOf(id) === undefined && !this.absent.get(id)) wanted.add(id);
    if (wanted.size === 0) return;
    const partition = this.partition;
    let found: Map<string, EntityLabel> | undefined;
    if (partition) await partition.prefetch(wanted);
    else if (this.store) found = await lookupEntityLabels(this.store, [...wanted]);
    for (const id of wanted) {
      const label = partition ? partition.labelOf(id) : found?.get(id);
      if (label) this.remember(id, label);
      else this.absent.add(id);
    }
  }

  /** The label of an id, if known. */
  labelOf(id: string): EntityLabel | undefined {
    const own = this.state.registry.labelOf(id);
    if (own !== undefined) return own;
    return this.external.get(id) ? ENTITY_LABELS[this.external.found[0] ?? 0] : undefined;
  }

  /** Frees the tables' files. */
  close(): void {
    this.external.close();
    this.absent.close();
  }

  private remember(id: string, label: EntityLabel): void {
    this.external.add(id, Uint8Array.of(ENTITY_LABELS.indexOf(label)));
  }

  /** Why an id has no label. */
  whyMissing(id: string): string {
    if (this.state.rejected.has(id))
      return `entity ${JSON.stringify(id)} was rejected (see its own error), so this link is too`;
    return `no entity has id ${JSON.stringify(id)}, in these files or in the database: add it, or correct the id`;
  }
}

async function* chunksOf<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Checks every spooled link's ends; writes the good ones to `out`, rejects the others. */
export async function checkLinks(state: PassState, resolver: LabelResolver, out: GroupSink): Promise<void> {
  let done = 0;
  for await (const chunk of chunksOf(readSpool<SpooledLink>(state.links.path))) {
    await resolver.prefetch(
      chunk.flatMap((link) => [String(link.properties.source), String(link.properties.target)]),
    );
    for (const link of chunk) {
      const type = link.type as LinkType;
      const source = String(link.properties.source);
      const target = String(link.properties.target);
      const s = resolver.labelOf(source);
      const t = resolver.labelOf(target);
      const issues: { field: string; message: string }[] = [];
      if (!s) issues.push({ field: 'source', message: resolver.whyMissing(source) });
      if (!t) issues.push({ field: 'target', message: resolver.whyMissing(target) });
      const problem = s && t ? checkLinkEndpoints(type, s, t) : undefined;
      if (problem) issues.push({ field: 'type', message: problem });
      if (issues.length > 0 || !s || !t) {
        await state.sink.reject({ file: link.file, line: link.line, type, issues, record: link.properties });
        continue;
      }
      state.valid[type] = (state.valid[type] ?? 0) + 1;
      await out.write(linkGroupKey(type, s, t), link.properties);
    }
    done += chunk.length;
    state.onProgress?.({ phase: 'check', done, total: state.links.count });
  }
}

type Shape = Record<string, z.ZodType>;

function validatePatchFields(label: EntityLabel, fields: Record<string, unknown>) {
  const shape = (ENTITY_SCHEMAS[label] as unknown as { shape: Shape }).shape;
  const row: Record<string, unknown> = {};
  const issues: { field: string; message: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    const unsafe = checkPropertyKey(key);
    if (unsafe) {
      issues.push({ field: key, message: unsafe });
      continue;
    }
    const result = (shape[key] ?? ExtraValueSchema).safeParse(value);
    if (result.success) row[key] = result.data;
    else for (const issue of result.error.issues) issues.push({ field: key, message: issue.message });
  }
  return { row, issues };
}

/** Resolves every spooled patch to its entity and validates its fields; writes the good ones to `out`. */
export async function checkPatches(state: PassState, resolver: LabelResolver, out: GroupSink): Promise<void> {
  for await (const chunk of chunksOf(readSpool<SpooledPatch>(state.patches.path))) {
    await resolver.prefetch(chunk.map((patch) => patch.id));
    for (const patch of chunk) {
      const label = resolver.labelOf(patch.id);
      const { row, issues } = label
        ? validatePatchFields(label, patch.fields)
        : {
            row: {},
            issues: [
              {
                field: 'id',
                message: resolver.whyMissing(patch.id).replace('this link is', 'this patch is'),
              },
            ],
          };
      if (!label || issues.length > 0) {
        await state.sink.reject({
          file: patch.file,
          line: patch.line,
          type: label ?? 'patch',
          issues,
          record: { id: patch.id, ...patch.fields },
        });
        continue;
      }
      await out.write(label, { id: patch.id, ...row });
    }
  }
}
