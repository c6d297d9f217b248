import { describe, expect, it } from 'vitest';
import { demoGraph } from '../../helpers/demo-graph.ts';
import { analyseDocuments } from '../../../analysis/findings/documents.ts';

describe('documents of the demo case', () => {
  const { graph, truth } = demoGraph();

  it('finds exactly the stolen passports the syndicates recycle, with everyone who used them', () => {
    const shared = analyseDocuments(graph).shared;
    expect(shared).toEqual(
      truth.reusedDocuments.map((d) => ({ document: d.documentId, people: [...d.users].sort() })),
    );
  });
});
