/**
 * API payloads of saved views: what the workspace shows (its view state as the address bar carries
 * it, with node positions), saved under a name, owned, and shared with named users. The state's
 * entity ids are the only ids it holds; the store keeps and returns only those the reader may see.
 * A field the workspace's view state gains must be added here, or saving answers 400 naming it.
 */
import { z } from 'zod';
import { HANDLING_CODES } from '../model.ts';

/** Most ids in one list of a state; most loads; most positions. */
export const VIEW_IDS_MAX = 20_000;
export const VIEW_LOADS_MAX = 200;

const Id = z.string().min(1).max(512);
const Ids = z.array(Id).max(VIEW_IDS_MAX);
const Words = z.array(z.string().min(1).max(100)).max(100);
const IsoDate = z.string().max(40);
const ColumnKeys = z
  .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'must be a column key such as "firstSeen"'))
  .max(50);

const LoadSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('neighbourhood'),
    id: Id,
    depth: z.number().int().min(1).max(3),
    limit: z.number().int().min(1).max(1_000),
    types: Words.optional(),
  }),
  z.strictObject({ kind: z.literal('paths'), from: Id, to: Id, all: z.boolean() }),
  z.strictObject({ kind: z.literal('case'), caseId: Id.optional() }),
]);

/** The workspace's view state as `encodeView` (web/src/graph/url-state.ts) serialises it. */
export const ViewFieldsSchema = z.strictObject({
  loads: z.array(LoadSchema).max(VIEW_LOADS_MAX),
  hidden: Ids,
  pinned: Ids,
  selected: Ids,
  grouping: z.strictObject({
    mode: z.enum(['grouped', 'open']),
    /** Group keys (`s:3` a syndicate, `c:12` a cell, `x:Location` a kind kept apart) toggled from the mode. */
    toggled: z.array(z.string().min(1).max(200)).max(10_000),
  }),
  focus: z.number().int().nullable(),
  filters: z.strictObject({
    hiddenTypes: Words,
    categories: Words,
    sources: Words,
    handling: z.array(z.enum(HANDLING_CODES)).max(4),
    time: z.strictObject({ from: IsoDate, to: IsoDate }).nullable(),
  }),
  colourBy: z.enum(['type', 'community', 'crime']),
  sizeBy: z.enum(['degree', 'pagerank', 'betweenness', 'none']),
  edgeWidthBy: z.enum(['weight', 'amount', 'none']),
  /** Payments drawn as links payer -> payee; views saved before it draw them as nodes. */
  paymentsAsLinks: z.boolean().default(false),
  /** The layout chosen; a radial one names its centre. Views saved before it use the force layout. */
  layout: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('force') }),
      z.strictObject({ kind: z.literal('organigram') }),
      z.strictObject({ kind: z.literal('radial'), centre: Id }),
      z.strictObject({ kind: z.literal('time') }),
    ])
    .default({ kind: 'force' }),
  /** The table's columns hidden, by key; views saved before it show every column. */
  hiddenColumns: z
    .strictObject({ entities: ColumnKeys, links: ColumnKeys })
    .default({ entities: [], links: [] }),
});
export type ViewFields = z.infer<typeof ViewFieldsSchema>;

const Coordinate = z.number().finite().min(-1e9).max(1e9);

export const SavedViewStateSchema = z
  .strictObject({
    view: ViewFieldsSchema,
    positions: z
      .array(z.strictObject({ id: Id, x: Coordinate, y: Coordinate }))
      .max(VIEW_IDS_MAX)
      .meta({ description: 'Where nodes stood on the canvas' }),
  })
  .meta({ id: 'SavedViewState', description: 'What a saved view shows' });
export type SavedViewState = z.infer<typeof SavedViewStateSchema>;

const Username = z.string().min(1).max(64);

export const ViewWriteSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    state: SavedViewStateSchema,
    sharedWith: z.array(Username).max(100).default([]),
  })
  .meta({ id: 'ViewWrite', description: 'A view to save (or to replace a saved one with)' });
export type ViewWrite = z.infer<typeof ViewWriteSchema>;

export const ViewIdParamsSchema = z.strictObject({ id: Id });

export const ViewSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.string(),
    sharedWith: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ViewSummary', description: 'A saved view, without its state' });
export type ViewSummary = z.infer<typeof ViewSummarySchema>;

export const SavedViewSchema = ViewSummarySchema.extend({ state: SavedViewStateSchema }).meta({
  id: 'SavedView',
  description: 'A saved view with its state, cut to the records you may see',
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const ViewListSchema = z
  .object({ views: z.array(ViewSummarySchema) })
  .meta({ id: 'ViewList', description: 'The views you own and those shared with you, by name' });
export type ViewList = z.infer<typeof ViewListSchema>;
