import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { aggregateFlows, extractPayments } from '../../../analysis/money/flows.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';

function caseGraph(): CaseGraph {
  const g = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  g.addNode('migrant', { entityType: 'Person', roles: ['smuggled person'] });
  g.addNode('broker', { entityType: 'Person', roles: ['money broker'] });
  g.addNode('acct', { entityType: 'Account', kind: 'hawala' });
  g.addNode('pay1', {
    entityType: 'Payment',
    amount: 3000,
    currency: 'USD',
    date: '2024-03-10',
    method: 'hawala',
  });
  g.addNode('pay2', { entityType: 'Payment', amount: 1000, currency: 'EUR', date: '2024-03-12' });
  g.addNode('pay3', { entityType: 'Payment', amount: 500, currency: 'XAF', date: '2024-03-12' });
  g.addNode('pay4', { entityType: 'Payment', amount: 700, currency: 'EUR', date: '2024-03-13' });
  g.addEdge('migrant', 'pay1', { linkType: 'PAID' });
  g.addEdge('pay1', 'broker', { linkType: 'RECEIVED' });
  g.addEdge('broker', 'pay2', { linkType: 'PAID' });
  g.addEdge('pay2', 'acct', { linkType: 'RECEIVED' });
  g.addEdge('broker', 'pay3', { linkType: 'PAID' });
  g.addEdge('pay3', 'acct', { linkType: 'RECEIVED' });
  g.addEdge('migrant', 'pay4', { linkType: 'PAID' });
  return g;
}

const rates = [
  { currency: 'USD', from: '2024-01-01', rate: 0.9 },
  { currency: 'USD', from: '2024-03-11', rate: 0.5 },
];

describe('extractPayments', () => {
  it('turns each payment with one payer and one receiver into a dated, converted transfer', () => {
    const { transfers } = extractPayments(caseGraph(), { rates, currency: 'EUR' });
    const pay1 = transfers.find((t) => t.id === 'pay1');
    expect(pay1).toMatchObject({
      from: 'migrant',
      to: 'broker',
      amount: 3000,
      currency: 'USD',
      method: 'hawala',
    });
    // The rate in force on 10 March is the January one, not the one from 11 March.
    expect(pay1?.amountConverted).toBe(2700);
    expect(transfers.find((t) => t.id === 'pay2')?.amountConverted).toBe(1000);
  });

  it('reports a currency without a rate instead of guessing one', () => {
    const { transfers, unconverted } = extractPayments(caseGraph(), { rates, currency: 'EUR' });
    expect(transfers.find((t) => t.id === 'pay3')?.amountConverted).toBeNull();
    expect(unconverted).toEqual([
      { payment: 'pay3', currency: 'XAF', date: '2024-03-12', reason: 'unknown currency' },
    ]);
  });

  it('tells a payment dated before any rate of its currency from one in an unknown currency', () => {
    const g = caseGraph();
    g.setNodeAttribute('pay1', 'date', '2023-12-31');
    g.removeNodeAttribute('pay2', 'currency');
    const { unconverted } = extractPayments(g, { rates });
    expect(unconverted.map((u) => [u.payment, u.reason])).toEqual([
      ['pay1', 'no rate on date'],
      ['pay2', 'no currency'],
      ['pay3', 'unknown currency'],
    ]);
  });

  it('reports payments missing a party apart, never as transfers', () => {
    const { transfers, incomplete } = extractPayments(caseGraph(), { rates });
    expect(incomplete).toEqual([{ payment: 'pay4', reason: 'no receiver' }]);
    expect(transfers.map((t) => t.id)).not.toContain('pay4');
  });

  it('rejects something that is not a graph, naming the module', () => {
    expect(() => extractPayments({} as CaseGraph)).toThrow(/money\/flows/);
  });
});

describe('aggregateFlows', () => {
  it('sums transfers between groups and counts those touching an ungrouped party', () => {
    const { transfers } = extractPayments(caseGraph(), { rates });
    const country: Record<string, string> = { migrant: 'LY', broker: 'IT', acct: 'IT' };
    const { flows, ungrouped } = aggregateFlows(transfers, (p) => country[p]);
    expect(flows).toEqual([
      { from: 'LY', to: 'IT', total: 2700, count: 1, payments: ['pay1'] },
      { from: 'IT', to: 'IT', total: 1000, count: 2, payments: ['pay2', 'pay3'] },
    ]);
    expect(aggregateFlows(transfers, (p) => (p === 'acct' ? undefined : 'X')).ungrouped).toBe(2);
    expect(ungrouped).toBe(0);
  });
});
