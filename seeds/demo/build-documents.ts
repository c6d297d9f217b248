/**
 * Travel documents of smuggled persons: their own genuine passports, forged papers made by the
 * syndicate's forgers, and stolen passports passed from one traveller to the next (impostor use).
 */
import { type CaseContext, pad } from './context.ts';
import { drawPerson, fillPattern } from './draw.ts';
import { pickStaff, type SyndicateState } from './state.ts';
import type { DemoRecord } from './types.ts';

/** A stolen passport that several travellers use in turn. */
export interface ReusedDocument {
  id: string;
  users: string[];
  capacity: number;
}

function expiry(ctx: CaseContext): string {
  return `${ctx.rng.int(2025, 2032)}-${pad(ctx.rng.int(1, 12), 2)}-${pad(ctx.rng.int(1, 28), 2)}`;
}

/** Emits the stolen passports a syndicate recycles; returns them with room for their users. */
export function* emitReusedDocuments(
  ctx: CaseContext,
  state: SyndicateState,
): Generator<DemoRecord, ReusedDocument[]> {
  const out: ReusedDocument[] = [];
  for (let n = 0; n < 2; n++) {
    const id = ctx.nextDocumentId();
    const issuer = ctx.rng.pick(state.template.forgedIssuers);
    const owner = drawPerson(ctx.rng, ctx.rng.pick(state.template.migrantPools), 0.3);
    const number = fillPattern(ctx.rng, 'a2n7');
    yield ctx.entity(
      'Document',
      id,
      `Passport ${issuer} ${number}`,
      {
        kind: 'passport',
        number,
        issuingCountry: issuer,
        holderName: owner.name.toUpperCase(),
        expiry: expiry(ctx),
        status: 'stolen',
        notes: 'Reported stolen; recorded in the Stolen and Lost Travel Documents database',
      },
      ctx.provenance(state.sources),
    );
    out.push({ id, users: [], capacity: ctx.rng.int(3, 4) });
  }
  return out;
}

/** Emits the documents one passenger holds or uses. */
export function* emitPassengerDocuments(
  ctx: CaseContext,
  state: SyndicateState,
  passenger: { id: string; name: string; nationality: string },
  reused: ReusedDocument[],
): Generator<DemoRecord> {
  const { rng } = ctx;
  const src = state.sources;
  if (rng.chance(0.55)) {
    const id = ctx.nextDocumentId();
    const number = fillPattern(rng, 'a1n8');
    yield ctx.entity(
      'Document',
      id,
      `Passport ${passenger.nationality} ${number}`,
      {
        kind: 'passport',
        number,
        issuingCountry: passenger.nationality,
        holderName: passenger.name.toUpperCase(),
        expiry: expiry(ctx),
        status: 'genuine',
      },
      ctx.provenance(src),
    );
    yield ctx.link('HOLDS', passenger.id, id, {}, ctx.provenance(src));
  }
  if (rng.chance(0.08)) {
    const id = ctx.nextDocumentId();
    const issuer = rng.pick(state.template.forgedIssuers);
    const kind = rng.pick(['residence permit', 'id card', 'passport', 'visa'] as const);
    const number = fillPattern(rng, 'a2n7');
    const forger = pickStaff(state, 'forger', rng.int(0, 5));
    yield ctx.entity(
      'Document',
      id,
      `Forged ${kind} ${issuer} ${number}`,
      {
        kind,
        number,
        issuingCountry: issuer,
        holderName: passenger.name.toUpperCase(),
        expiry: expiry(ctx),
        status: 'forged',
        producedBy: forger.id,
      },
      ctx.provenance(src),
    );
    yield ctx.link('HOLDS', passenger.id, id, {}, ctx.provenance(src));
  }
  const open = reused.find((doc) => doc.users.length < doc.capacity);
  if (open && rng.chance(0.04)) {
    open.users.push(passenger.id);
    yield ctx.link('USED', passenger.id, open.id, { role: 'impostor use' }, ctx.provenance(src));
  }
}
