/**
 * The details panel: everything known about one entity. Every property, its aliases, documents and
 * accounts, the sources behind it with their grades and handling codes, and its relations grouped
 * by type, each related entity a button that opens it. All of it as text.
 */
import { fetchEntity } from '../api/client.ts';
import type { EntityDetail, RelationGroup } from '../api/types.ts';
import { typeColour, typeGlyph } from '../graph/palette.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { gradeBadge, handlingBadge } from './grade-badge.ts';
import { entityActions } from './entity-actions.ts';
import { notesSection } from './notes-panel.ts';

/** Properties shown in the header or in their own section rather than in the table. */
const SHOWN_ELSEWHERE = new Set(['name', 'aliases', 'sources', 'grade', 'gradeScheme', 'handling']);

/** A property value as text. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What a run wrote back (`a_<key>`, the reader's own scores), by key, with the label shown. */
const ANALYSIS_LABELS: Record<string, string> = {
  community: 'Community',
  cell: 'Cell (within its community)',
  degree: 'Degree (links)',
  weightedDegree: 'Weighted degree',
  betweenness: 'Betweenness',
  pagerank: 'PageRank',
  eigenvector: 'Eigenvector centrality',
  closeness: 'Closeness',
  run: 'From run',
};
const ANALYSIS_PREFIX = 'a_';

/**
 * The analysis results an entity carries, labelled and in a fixed order: a community by the name the
 * view's run gives it when the view places the entity in it, scores to four significant digits.
 */
export function analysisRows(
  properties: Record<string, unknown>,
  communityName: (id: number) => string | null,
): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, label] of Object.entries(ANALYSIS_LABELS)) {
    const value = properties[`${ANALYSIS_PREFIX}${key}`];
    if (value === null || value === undefined) continue;
    if (key === 'community' && typeof value === 'number') {
      const name = communityName(value);
      rows.push([label, name ? `${name} (community ${value})` : `Community ${value}`]);
    } else if (typeof value === 'number' && !Number.isInteger(value))
      rows.push([label, Number(value.toPrecision(4)).toString()]);
    else rows.push([label, valueText(value)]);
  }
  return rows;
}

function propertiesTable(detail: EntityDetail): HTMLElement {
  const rows = Object.entries(detail.properties)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key) && !key.startsWith(ANALYSIS_PREFIX))
    .map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, key), h('td', {}, valueText(value))));
  return h('table', { class: 'properties' }, h('tbody', {}, ...rows));
}

function analysisSection(detail: EntityDetail, workspace: Workspace): HTMLElement | null {
  const { syndicates } = workspace.view;
  const rows = analysisRows(detail.properties, (id) =>
    syndicates?.syndicateOf.get(detail.id) === id ? (syndicates.names.get(`s:${id}`) ?? null) : null,
  );
  if (rows.length === 0) return null;
  return h(
    'section',
    { id: 'details-analysis' },
    h('h3', {}, 'Analysis'),
    h(
      'table',
      { class: 'properties' },
      h(
        'tbody',
        {},
        ...rows.map(([label, text]) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, text))),
      ),
    ),
  );
}

function sourcesTable(detail: EntityDetail): HTMLElement {
  if (detail.sources.length === 0) return h('p', { class: 'muted' }, 'No source you may see is recorded.');
  return h(
    'table',
    { class: 'sources' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Source'),
        h('th', {}, 'Agency'),
        h('th', {}, 'Date'),
        h('th', {}, 'Grade'),
        h('th', {}, 'Handling'),
      ),
    ),
    h(
      'tbody',
      {},
      ...detail.sources.map((source) =>
        h(
          'tr',
          { 'data-source-id': source.id },
          h('td', {}, source.reference ?? source.name ?? source.id),
          h('td', {}, [source.agency, source.country].filter(Boolean).join(', ')),
          h('td', {}, source.date ?? ''),
          h('td', {}, gradeBadge(source.grade, source.gradeScheme)),
          h('td', {}, handlingBadge(source.handling)),
        ),
      ),
    ),
  );
}

/** A button that opens, under a relation, the notes about its link. */
function linkNotesToggle(linkId: string, workspace: Workspace): HTMLElement {
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button link-notes', 'data-link-id': linkId },
    'Notes',
  );
  toggle.addEventListener('click', () => {
    const open = toggle.nextElementSibling;
    if (open?.classList.contains('notes-section')) open.remove();
    // The link's own handling code is not shown here: the server names the lowest it accepts.
    else toggle.after(notesSection(linkId, null, workspace, `link-${linkId}`));
  });
  return toggle;
}

function relationGroup(group: RelationGroup, workspace: Workspace): HTMLElement {
  const arrow = group.direction === 'out' ? '→' : '←';
  const items = group.items.map((item) => {
    const glyph = h('span', { class: 'glyph', 'aria-hidden': 'true' }, typeGlyph(item.type));
    glyph.style.color = typeColour(item.type);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-id': item.id,
          onclick: () => workspace.openEntity(item.id),
        },
        glyph,
        item.name ?? item.id,
      ),
      ' ',
      gradeBadge(item.grade, item.gradeScheme),
      handlingBadge(item.handling),
      linkNotesToggle(item.linkId, workspace),
    );
  });
  const more =
    group.count > group.items.length
      ? h('li', { class: 'muted' }, `and ${group.count - group.items.length} more`)
      : null;
  return h(
    'details',
    { class: 'relation-group', open: group.count <= 8, 'data-link-type': group.type },
    h('summary', {}, `${arrow} ${group.type} (${group.count})`),
    h('ul', {}, ...items, more),
  );
}

/** Related entities of some link types, as a list section (documents, accounts). */
function relatedSection(
  detail: EntityDetail,
  title: string,
  types: string[],
  workspace: Workspace,
): HTMLElement | null {
  const groups = detail.relations.filter((group) => types.includes(group.type));
  if (groups.length === 0) return null;
  return h('section', {}, h('h3', {}, title), ...groups.map((group) => relationGroup(group, workspace)));
}

/** Renders one entity's details. */
export function renderDetails(panel: HTMLElement, detail: EntityDetail, workspace: Workspace): void {
  const name = valueText(detail.properties.name) || detail.id;
  const glyph = h('span', { class: 'glyph', 'aria-hidden': 'true' }, typeGlyph(detail.type));
  glyph.style.color = typeColour(detail.type);
  const aliases = detail.properties.aliases;
  panel.dataset.entity = detail.id;
  delete panel.dataset.link;
  replace(
    panel,
    h('h2', { id: 'details-name' }, glyph, ' ', name),
    h(
      'p',
      { class: 'details-meta' },
      h('span', { class: 'type' }, detail.type),
      ' ',
      gradeBadge(
        valueText(detail.properties.grade) || null,
        valueText(detail.properties.gradeScheme) || null,
      ),
      handlingBadge(valueText(detail.properties.handling)),
      detail.retracted ? h('span', { class: 'badge retracted' }, 'retracted') : null,
    ),
    entityActions(detail.id, workspace),
    Array.isArray(aliases) && aliases.length > 0
      ? h(
          'section',
          {},
          h('h3', {}, 'Aliases'),
          h('ul', { class: 'aliases' }, ...aliases.map((a) => h('li', {}, valueText(a)))),
        )
      : null,
    h('section', {}, h('h3', {}, 'Properties'), propertiesTable(detail)),
    analysisSection(detail, workspace),
    h('section', { id: 'details-sources' }, h('h3', {}, 'Sources'), sourcesTable(detail)),
    notesSection(detail.id, valueText(detail.properties.handling) || null, workspace),
    relatedSection(detail, 'Documents', ['HOLDS'], workspace),
    relatedSection(detail, 'Accounts', ['HOLDS_ACCOUNT'], workspace),
    h(
      'section',
      { id: 'details-relations' },
      h('h3', {}, 'Relations'),
      ...detail.relations.map((group) => relationGroup(group, workspace)),
    ),
  );
}

/** Loads and shows an entity; says so when the entity cannot be seen. */
export async function showEntity(panel: HTMLElement, id: string, workspace: Workspace): Promise<void> {
  panel.dataset.state = 'loading';
  try {
    renderDetails(panel, await fetchEntity(id), workspace);
    panel.dataset.state = 'ready';
  } catch (error) {
    panel.dataset.state = 'error';
    replace(
      panel,
      h(
        'p',
        { class: 'error' },
        `This entity cannot be shown: ${String(error instanceof Error ? error.message : error)}`,
      ),
    );
  }
}
