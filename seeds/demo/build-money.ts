/**
 * Payments as the model records them: a Payment node, PAID from the payer and RECEIVED by the payee
 * (a Person, an Organisation or an Account).
 */
import type { CaseContext } from './context.ts';
import type { SourceKey } from './data/sources.ts';
import { formatMoney } from './draw.ts';
import type { DemoRecord } from './types.ts';

/** The payment methods of the model. */
export type PaymentMethod = 'cash' | 'hawala' | 'wire' | 'money transfer' | 'crypto';

/** One transfer of value to emit. */
export interface PaymentSpec {
  payer: string;
  payee: string;
  amount: number;
  currency: string;
  date: string;
  method: PaymentMethod;
  purpose: string;
  sources: readonly SourceKey[];
}

/** Emits a Payment with its PAID and RECEIVED links; returns the payment id. */
export function* emitPayment(ctx: CaseContext, spec: PaymentSpec): Generator<DemoRecord, string> {
  const id = ctx.nextPaymentId();
  const dated = { firstSeen: spec.date, lastSeen: spec.date };
  yield ctx.entity(
    'Payment',
    id,
    `${spec.purpose}: ${formatMoney(spec.amount, spec.currency)} on ${spec.date}`,
    {
      amount: spec.amount,
      currency: spec.currency,
      date: spec.date,
      method: spec.method,
      purpose: spec.purpose,
    },
    ctx.provenance(spec.sources, dated),
  );
  yield ctx.link('PAID', spec.payer, id, { date: spec.date }, ctx.provenance(spec.sources, dated));
  yield ctx.link('RECEIVED', id, spec.payee, { date: spec.date }, ctx.provenance(spec.sources, dated));
  return id;
}
