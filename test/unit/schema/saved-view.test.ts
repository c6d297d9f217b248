import { describe, expect, it } from 'vitest';
import { SavedViewStateSchema, VIEW_IDS_MAX, ViewFieldsSchema } from '../../../server/schema/api/views.ts';
import { decodeView, encodeView, keptView } from '../../../web/src/graph/url-state.ts';
import { EMPTY_VIEW, type ViewState } from '../../../web/src/graph/view-state.ts';
import { noteCodes } from '../../../web/src/panels/notes-panel.ts';

const BUSY: ViewState = {
  ...EMPTY_VIEW,
  loads: [
    { kind: 'neighbourhood', id: 'p1', depth: 2, limit: 100, types: ['ASSOCIATE_OF'] },
    { kind: 'paths', from: 'p1', to: 'p2', all: true },
    { kind: 'case', caseId: 'case-1' },
    { kind: 'case' },
  ],
  hidden: ['p3'],
  pinned: ['p1'],
  selected: ['p2'],
  grouping: { mode: 'grouped', toggled: ['s:3', 'c:12'] },
  focus: 3,
  highlight: { nodes: ['p1'], edges: ['l1'] },
  removed: ['p4'],
  filters: {
    hiddenTypes: ['Payment'],
    categories: ['terrorism'],
    sources: ['A'],
    handling: ['H0'],
    time: null,
  },
  colourBy: 'community',
  paymentsAsLinks: true,
  layout: { kind: 'radial', centre: 'p1' },
  hiddenColumns: { entities: ['grade', 'pagerank'], links: ['amount'] },
};

describe('the saved view state', () => {
  it('accepts every field the workspace keeps of its view state (add a new field to ViewFieldsSchema)', () => {
    for (const state of [EMPTY_VIEW, BUSY]) {
      const result = ViewFieldsSchema.safeParse(keptView(state));
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  it('reads a view saved before payments could be drawn as links as drawing them as nodes', () => {
    const { paymentsAsLinks: _p, ...older } = keptView(EMPTY_VIEW);
    expect(ViewFieldsSchema.parse(older).paymentsAsLinks).toBe(false);
    expect(ViewFieldsSchema.safeParse({ ...older, paymentsAsLinks: 'yes' }).error?.issues[0]?.path).toEqual([
      'paymentsAsLinks',
    ]);
  });

  it('reads a view saved before layouts were kept as the force layout, and a link’s layout as it was', () => {
    const { layout: _l, ...older } = keptView(EMPTY_VIEW);
    expect(ViewFieldsSchema.parse(older).layout).toEqual({ kind: 'force' });
    expect(
      ViewFieldsSchema.safeParse({ ...older, layout: { kind: 'radial' } }).error?.issues[0]?.path,
    ).toEqual(['layout', 'centre']);
    expect(decodeView(encodeView(BUSY))?.layout).toEqual({ kind: 'radial', centre: 'p1' });
    expect(decodeView(encodeView({ ...BUSY, layout: { kind: 'time' } }))?.layout).toEqual({ kind: 'time' });
  });

  it('keeps the table’s hidden columns in links and saved views; older views show every column', () => {
    expect(ViewFieldsSchema.parse(keptView(BUSY)).hiddenColumns).toEqual(BUSY.hiddenColumns);
    expect(decodeView(encodeView(BUSY))?.hiddenColumns).toEqual(BUSY.hiddenColumns);
    const { hiddenColumns: _c, ...older } = keptView(EMPTY_VIEW);
    expect(ViewFieldsSchema.parse(older).hiddenColumns).toEqual({ entities: [], links: [] });
    const bad = ViewFieldsSchema.safeParse({ ...older, hiddenColumns: { entities: ['<b>'], links: [] } });
    expect(bad.error?.issues[0]?.path).toEqual(['hiddenColumns', 'entities', 0]);
  });

  it('refuses a field it does not know, and more ids than it keeps, naming where', () => {
    const unknown = ViewFieldsSchema.safeParse({ ...keptView(EMPTY_VIEW), groups: [] });
    expect(unknown.error?.issues[0]?.code).toBe('unrecognized_keys');
    const many = Array.from({ length: VIEW_IDS_MAX + 1 }, (_, i) => `p${i}`);
    const big = SavedViewStateSchema.safeParse({
      view: { ...keptView(EMPTY_VIEW), pinned: many },
      positions: [],
    });
    expect(big.error?.issues[0]?.path).toEqual(['view', 'pinned']);
  });
});

describe('the handling codes a note form offers', () => {
  it('offers the codes the user holds at or above the record’s', () => {
    expect(noteCodes(['H0', 'H1', 'H2'], 'H1')).toEqual(['H1', 'H2']);
    expect(noteCodes(['H0', 'H2'], 'H1')).toEqual(['H2']);
    expect(noteCodes(['H0'], null)).toEqual(['H0']);
    expect(noteCodes(['H0', 'H1'], 'H3')).toEqual([]);
  });
});
