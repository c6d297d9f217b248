import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';
import { CitationRegistry } from '../../../server/report/citations.ts';
import { escapeHtml } from '../../../server/report/escape-html.ts';
import { strictestHandling } from '../../../server/report/handling.ts';
import { ReportRequestError, parsePeriod, previousPeriod } from '../../../server/report/periods.ts';

function smallGraph() {
  const graph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  graph.addNode('p1', {
    entityType: 'Person',
    name: '<b>Ali</b>',
    sources: ['src:a'],
    grade: 'B2',
    gradeScheme: 'europol',
    handling: 'H1',
  });
  graph.addNode('o1', {
    entityType: 'Organisation',
    name: 'Org',
    sources: ['src:b'],
    grade: '2B',
    gradeScheme: 'uk',
    handling: 'H0',
  });
  graph.addEdgeWithKey('l1', 'p1', 'o1', {
    linkType: 'MEMBER_OF',
    sources: ['src:a'],
    grade: 'A1',
    gradeScheme: 'europol',
    handling: 'H2',
  });
  return graph;
}

describe('escapeHtml', () => {
  it('neutralises markup and quotes in entity data', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });
});

describe('citations', () => {
  it('give one number per set of records and resolve entities and links to their sources and grades', () => {
    const registry = new CitationRegistry(smallGraph());
    expect(registry.cite(['o1', 'p1'])).toEqual([1]);
    expect(registry.cite(['p1', 'o1', 'p1'])).toEqual([1]);
    expect(registry.cite(['l1'])).toEqual([2]);
    expect(registry.cite(['nobody'])).toEqual([]);
    const [first, second] = registry.citations();
    expect(first?.records.map((r) => [r.id, r.grade, r.gradeScheme])).toEqual([
      ['o1', '2B', 'uk'],
      ['p1', 'B2', 'europol'],
    ]);
    expect(second?.records[0]).toMatchObject({ kind: 'link', label: 'p1 MEMBER_OF o1', sources: ['src:a'] });
  });
});

describe('the handling code', () => {
  it('is the most restrictive code of any entity or link included', () => {
    expect(strictestHandling(smallGraph())).toBe('H2');
  });
});

describe('periods', () => {
  it('read FROM..TO and give the period of the same length before', () => {
    expect(parsePeriod('2025-01-01..2025-12-31')).toEqual({ from: '2025-01-01', until: '2025-12-31' });
    expect(previousPeriod({ from: '2025-01-01', until: '2025-12-31' })).toEqual({
      from: '2024-01-01',
      until: '2024-12-31',
    });
  });

  it('refuse a period that ends before it starts or is not ISO dates', () => {
    expect(() => parsePeriod('2025-12-31..2025-01-01')).toThrow(ReportRequestError);
    expect(() => parsePeriod('last year')).toThrow(/FROM\.\.TO/);
  });
});

describe('the previous period', () => {
  it('is as many days before when the period is not whole months', () => {
    expect(previousPeriod({ from: '2025-03-10', until: '2025-03-19' })).toEqual({
      from: '2025-02-28',
      until: '2025-03-09',
    });
  });
});
