/**
 * The Cypher of the ingest writes. Labels and types come from the schema's whitelists and are quoted
 * in backticks; every value is a parameter. Each query compares before it sets, in the same statement,
 * so that it can say what it created, updated (new fields or sources) or left unchanged, and hand back
 * the old value of every field it changed.
 */
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';

/**
 * An import's write queries keep the plan they were first given. Neo4j plans a query again once the
 * counts it was planned with have moved far enough (at most every 10 s), which an import's own writes
 * do all along, and planning one of these costs tens of milliseconds of its CPU each time; their plans
 * (seeks on the unique id, MERGE by id) do not depend on those counts. A change of schema still
 * has them planned again.
 */
export const KEEP_PLAN = 'CYPHER replan=skip ';

/** Quotes a label from the entity whitelist. */
export function quoteLabel(label: EntityLabel): string {
  if (!(ENTITY_LABELS as readonly string[]).includes(label)) throw new Error(`unknown entity label ${label}`);
  return `\`${label}\``;
}

/** Quotes a relationship type from the link whitelist. */
export function quoteType(type: LinkType): string {
  if (!(LINK_TYPES as readonly string[]).includes(type)) throw new Error(`unknown link type ${type}`);
  return `\`${type}\``;
}

// Shared tail: diff against the stored values, set, and count. `x` is the node or relationship, just
// MERGEd: one that holds nothing but its id was created by this MERGE (or has nothing a row could
// conflict with), so it skips the comparison and is written as it comes, which is what keeps a load
// into an empty database as cheap as a bare MERGE. A node an import changes moves to its next
// `version`, so an analyst's edit based on the version before is refused (412) rather than silently
// undoing the import; reading x.version in the SET, after `x +=` took the write lock, means concurrent
// writers cannot both move it to the same number.
function compareAndSet(versioned: boolean): string {
  // The entities whose names may have changed, whose name keys are then set again (name-keys.ts).
  const written = versioned ? ',\n  collect(CASE WHEN created OR touched THEN row.id END) AS written' : '';
  const version = versioned
    ? ',\n    x.version = CASE WHEN NOT created AND touched THEN coalesce(x.version, 1) + 1 ELSE x.version END'
    : '';
  return `
WITH x, row, size(keys(x)) = 1 AS created
WITH x, row, created,
  CASE WHEN created THEN [] ELSE [k IN keys(row.props) WHERE x[k] IS NULL] END AS added,
  CASE WHEN created THEN [] ELSE [k IN keys(row.props) WHERE x[k] IS NOT NULL AND x[k] <> row.props[k] | {field: k, old: x[k]}] END AS changed,
  CASE WHEN created THEN row.sources ELSE [s IN row.sources WHERE NOT s IN coalesce(x.sources, [])] END AS newSources
WITH x, row, row.props AS props, created, changed, size(added) + size(changed) + size(newSources) > 0 AS touched, newSources
SET x += props {
      .*,
      sources: CASE WHEN created THEN newSources ELSE coalesce(x.sources, []) + newSources END,
      createdAt: CASE WHEN created THEN coalesce(row.createdAt, $now) ELSE coalesce(x.createdAt, row.createdAt, $now) END,
      createdBy: CASE WHEN created THEN coalesce(row.createdBy, $user) ELSE coalesce(x.createdBy, row.createdBy, $user) END,
      updatedAt: CASE WHEN created OR touched OR x.updatedAt IS NULL THEN coalesce(row.updatedAt, $now) ELSE x.updatedAt END
    }${version}
RETURN
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND touched THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN NOT created AND NOT touched THEN 1 ELSE 0 END) AS unchanged,
  collect(CASE WHEN NOT created AND size(changed) > 0 THEN {id: row.id, changed: changed} END) AS conflicts${written}`;
}

/** MERGE a batch of nodes of one label on id. */
export function mergeNodesCypher(label: EntityLabel): string {
  return `${KEEP_PLAN}UNWIND $rows AS row
MERGE (x:${quoteLabel(label)} {id: row.id})${compareAndSet(true)}`;
}

// The stamps a prepared row leaves to its query (PreparedRows in ingest-rows.ts): the row's own when
// it has them, else the batch's time and writer.
function stamps(x: string, row: string): string {
  return `${x}.createdAt = coalesce(${row}.createdAt, $now), ${x}.createdBy = coalesce(${row}.createdBy, $user),
    ${x}.updatedAt = coalesce(${row}.updatedAt, $now)`;
}

/**
 * CREATE the nodes of a batch the label does not hold, each row being every stored property (as the
 * compare-and-set above would give a node it creates) but for the stamps the batch shares, and hand
 * back the ids it holds (`found`), to be MERGEd and compared. One index seek a row, which Neo4j plans
 * as a locking unique-index seek, so another writer's uncommitted node of the same id is waited for
 * and found; the id constraint still guards, and a clash all the same fails the transaction
 * (isIdClash), which then runs again through MERGE.
 */
export function createOrFindNodesCypher(label: EntityLabel): string {
  return `${KEEP_PLAN}UNWIND $rows AS row
OPTIONAL MATCH (x:${quoteLabel(label)} {id: row.id})
FOREACH (_ IN CASE WHEN x IS NULL THEN [1] ELSE [] END |
  CREATE (n:${quoteLabel(label)}) SET n = row, ${stamps('n', 'row')})
RETURN collect(x.id) AS found`;
}

/** MERGE a batch of relationships of one type between nodes of known labels, matched on id. */
export function mergeLinksCypher(type: LinkType, sourceLabel: EntityLabel, targetLabel: EntityLabel): string {
  return `${KEEP_PLAN}UNWIND $rows AS row
MATCH (a:${quoteLabel(sourceLabel)} {id: row.source})
MATCH (b:${quoteLabel(targetLabel)} {id: row.target})
MERGE (a)-[x:${quoteType(type)} {id: row.id}]->(b)${compareAndSet(false)}`;
}

/**
 * MERGE a batch of links one of whose ends this import created (so, in all likelihood, new): a link the
 * MERGE creates is given every stored property at once (`row.stored` and the stamps, as the
 * compare-and-set above would give it), without reading or comparing anything. The MERGE still locks
 * and looks, so a link another writer made meanwhile is found, not duplicated: its id is handed back
 * (`found`) to be compared as any stored link is.
 */
export function mergeNewLinksCypher(
  type: LinkType,
  sourceLabel: EntityLabel,
  targetLabel: EntityLabel,
): string {
  return `${KEEP_PLAN}UNWIND $rows AS row
MATCH (a:${quoteLabel(sourceLabel)} {id: row.source})
MATCH (b:${quoteLabel(targetLabel)} {id: row.target})
MERGE (a)-[x:${quoteType(type)} {id: row.stored.id}]->(b)
WITH x, row, size(keys(x)) = 1 AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET x = row.stored, ${stamps('x', 'row.stored')})
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, collect(CASE WHEN NOT created THEN row.stored.id END) AS found`;
}

/** Appends conflict entries (JSON strings) to the history of nodes of one label. */
export function appendNodeConflictsCypher(label: EntityLabel): string {
  return `UNWIND $items AS item
MATCH (x:${quoteLabel(label)} {id: item.id})
SET x.conflicts = coalesce(x.conflicts, []) + item.entries`;
}

/** Appends conflict entries to the history of relationships of one type, found from their source node. */
export function appendLinkConflictsCypher(type: LinkType, sourceLabel: EntityLabel): string {
  return `UNWIND $items AS item
MATCH (:${quoteLabel(sourceLabel)} {id: item.source})-[x:${quoteType(type)} {id: item.id}]->()
SET x.conflicts = coalesce(x.conflicts, []) + item.entries`;
}

/** Finds the entity label of each id, through the per-label id constraints (one index seek per label). */
export function lookupLabelsCypher(): string {
  const branches = ENTITY_LABELS.map(
    (label) => `MATCH (n:${quoteLabel(label)} {id: id}) RETURN '${label}' AS label`,
  );
  return `UNWIND $ids AS id
CALL (id) {
  ${branches.join('\n  UNION ALL\n  ')}
}
RETURN id, label`;
}
