import { describe, expect, it } from 'vitest';
import { analysisRows } from '../../../web/src/panels/details-panel.ts';

describe('the analysis results in the details panel', () => {
  const properties = {
    name: 'Anwar Al-Fitouri',
    a_run: 'run:analyse:5f15d83c',
    a_pagerank: 0.0123456789,
    a_community: 0,
    a_cell: 7,
    a_degree: 42,
    country: 'LY',
  };

  it('are labelled, in a fixed order, the community named when the view places the entity in it', () => {
    expect(analysisRows(properties, (id) => (id === 0 ? 'Zuwara coast syndicate' : null))).toEqual([
      ['Community', 'Zuwara coast syndicate (community 0)'],
      ['Cell (within its community)', '7'],
      ['Degree (links)', '42'],
      ['PageRank', '0.01235'],
      ['From run', 'run:analyse:5f15d83c'],
    ]);
  });

  it('say only the number of a community the view does not place the entity in', () => {
    expect(analysisRows(properties, () => null)[0]).toEqual(['Community', 'Community 0']);
    expect(analysisRows({ name: 'x' }, () => null)).toEqual([]);
  });
});
