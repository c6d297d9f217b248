/** The community x crime-category matrix as a heat map; a click on a cell focuses that community. */
import type { CommunityReport } from '../api/analyses.ts';
import { h } from '../lib/dom.ts';

/** Builds the heat map table. */
export function heatMap(
  communities: CommunityReport[],
  categories: string[],
  onPick: (community: number, category: string) => void,
): HTMLElement {
  let max = 1;
  for (const community of communities)
    for (const n of Object.values(community.summary.crimeCategories)) max = Math.max(max, n);
  const header = h(
    'tr',
    {},
    h('th', {}, 'Community'),
    ...categories.map((category) =>
      h(
        'th',
        { scope: 'col', title: category },
        category
          .split(' ')
          .map((w) => w.slice(0, 4))
          .join(' '),
      ),
    ),
  );
  const rows = communities.map((community) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, `${community.summary.name} (${community.size})`),
      ...categories.map((category) => {
        const n = community.summary.crimeCategories[category] ?? 0;
        const cell = h(
          'td',
          { 'data-community': community.id, 'data-category': category, title: `${category}: ${n}` },
          n > 0 ? String(n) : '',
        );
        cell.style.background = n > 0 ? `rgba(192, 57, 43, ${0.15 + (0.85 * n) / max})` : '';
        if (n / max > 0.55) cell.style.color = '#fff';
        cell.addEventListener('click', () => onPick(community.id, category));
        return cell;
      }),
    ),
  );
  return h(
    'table',
    { class: 'heatmap', id: 'crime-matrix' },
    h('thead', {}, header),
    h('tbody', {}, ...rows),
  );
}
