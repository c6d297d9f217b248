/**
 * Hawala offsetting: two brokers on neighbouring routes settle what they owe each other in a few
 * balancing transfers instead of moving each client's money.
 */
import type { CaseContext } from './context.ts';
import { emitPayment } from './build-money.ts';
import type { Staff, SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

/** Emits the offsetting transfers between two hawaladars and records the typology. */
export function* buildHawalaOffsetting(
  ctx: CaseContext,
  a: Staff,
  b: Staff,
  state: SyndicateState,
): Generator<DemoRecord> {
  // Net position close to zero: 73,500 one way against 72,500 the other.
  const legs: [Staff, Staff, number, string][] = [
    [b, a, 24_000, '2024-04-02'],
    [a, b, 26_000, '2024-04-30'],
    [b, a, 18_500, '2024-06-11'],
    [b, a, 31_000, '2024-07-23'],
    [a, b, 46_500, '2024-08-27'],
  ];
  const payments: string[] = [];
  for (const [payer, payee, amount, date] of legs) {
    payments.push(
      yield* emitPayment(ctx, {
        payer: payer.id,
        payee: payee.id,
        amount,
        currency: 'EUR',
        date,
        method: 'hawala',
        purpose: 'hawala settlement',
        sources: ['europolFin', ...state.sources],
      }),
    );
  }
  ctx.truth.typologies.push({
    kind: 'hawala-offsetting',
    parties: [a.id, b.id],
    payments,
    notes: 'Istanbul and Vienna hawaladars balancing their books in both directions',
  });
}
