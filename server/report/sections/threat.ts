/** Section 7, Threat assessment: indicators computed from the data, each with its numbers. */
import type { Period } from '../../../analysis/findings/routes.ts';
import {
  communityName,
  entitiesOfType,
  formatCount,
  formatPeriod,
  inPeriod,
  nameOf,
  plural,
  type ReportContext,
  say,
} from '../context.ts';
import type { Section, Sentence } from '../types.ts';
import { HOME_CATEGORY } from './crime-links.ts';

/** Crime areas a network must reach, within this many links, to count as poly-criminal. */
export const POLY_CRIMINAL = { areas: 2, maxDistance: 2 };

const change = (before: number, after: number) =>
  before === 0
    ? after === 0
      ? 'no change'
      : 'new activity'
    : `${after >= before ? '+' : ''}${Math.round(((after - before) / before) * 100)}%`;

function activity(ctx: ReportContext, period: Period) {
  const payments = entitiesOfType(ctx.graph, 'Payment', (a) => inPeriod(a.date, period));
  const events = entitiesOfType(ctx.graph, 'Event', (a) => inPeriod(a.date, period));
  return { payments, events };
}

function growth(ctx: ReportContext): Sentence[] {
  const before = activity(ctx, ctx.compare);
  const after = activity(ctx, ctx.period);
  ctx.figures.eventsBefore = before.events.length;
  ctx.figures.eventsAfter = after.events.length;
  ctx.figures.paymentsBefore = before.payments.length;
  ctx.figures.paymentsAfter = after.payments.length;
  return [
    say(
      ctx,
      `Recorded events (crossings, interceptions, arrests, meetings): ${formatCount(before.events.length)} in ${formatPeriod(ctx.compare)} against ${formatCount(after.events.length)} in ${formatPeriod(ctx.period)} (${change(before.events.length, after.events.length)}).`,
      [...before.events, ...after.events],
    ),
    say(
      ctx,
      `Recorded payments: ${formatCount(before.payments.length)} against ${formatCount(after.payments.length)} (${change(before.payments.length, after.payments.length)}).`,
      [...before.payments, ...after.payments],
    ),
  ];
}

function routes(ctx: ReportContext): Sentence[] {
  const changes = ctx.result.routes?.changes;
  if (!changes) return [];
  const ids = [...changes.appeared, ...changes.shifted].flatMap((c) => c.routes.after);
  return [
    say(
      ctx,
      `${plural(changes.appeared.length, 'corridor')} opened and ${plural(changes.shifted.length, 'corridor')} changed transit since the previous period: the networks adapt their routes.`,
      ids,
    ),
  ];
}

function polyCriminal(ctx: ReportContext): Sentence[] {
  const poly = (ctx.result.crimeLinks?.communities ?? [])
    .map((c) => ({
      community: c.community,
      links: c.links.filter(
        (l) => l.category !== HOME_CATEGORY && l.distance !== null && l.distance <= POLY_CRIMINAL.maxDistance,
      ),
    }))
    .filter((c) => c.links.length >= POLY_CRIMINAL.areas);
  ctx.figures.polyCriminal = poly.length;
  return [
    say(
      ctx,
      `${plural(poly.length, 'network')} reach at least ${POLY_CRIMINAL.areas} other crime areas within ${POLY_CRIMINAL.maxDistance} links (poly-criminal).`,
      poly.flatMap((c) => c.links.flatMap((l) => l.offences)),
    ),
    ...poly.map((c) =>
      say(
        ctx,
        `${communityName(ctx, c.community)}: ${c.links.map((l) => l.category).join(', ')}.`,
        c.links.flatMap((l) => l.offences),
      ),
    ),
  ];
}

function resilience(ctx: ReportContext): Sentence[] {
  const d = ctx.result.disruption;
  if (!d || d.removed.length === 0) return [];
  const removed = d.removed.map((r) => r.id);
  ctx.figures.disruptionRemoved = removed.length;
  ctx.figures.largestBefore = d.before.largestComponent;
  ctx.figures.largestAfter = d.after.largestComponent;
  const kept =
    d.before.largestComponent === 0
      ? 0
      : Math.round((d.after.largestComponent / d.before.largestComponent) * 100);
  return [
    say(
      ctx,
      `Removing the ${plural(removed.length, 'facilitator')} of highest betweenness (${removed.map((id) => nameOf(ctx, id)).join(', ')}) leaves a largest connected network of ${formatCount(d.after.largestComponent)} of ${formatCount(d.before.largestComponent)} entities (${kept}%), in ${formatCount(d.after.components)} pieces instead of ${formatCount(d.before.components)}.`,
      removed,
    ),
    say(
      ctx,
      `It cuts ${plural(d.moneyPathsCut.length, 'money path')} of ${formatCount(d.before.moneyPaths)} and splits ${plural(d.communitiesSplit.length, 'network')}; ${kept >= 80 ? 'the networks are resilient to the loss of these individuals' : 'the networks depend on these individuals'}.`,
      removed,
    ),
  ];
}

/** Builds the Threat assessment section. */
export function buildThreatSection(ctx: ReportContext): Section {
  const items = [...growth(ctx), ...routes(ctx), ...polyCriminal(ctx), ...resilience(ctx)];
  return { id: 'threat', title: 'Threat assessment', blocks: [{ kind: 'list', items }] };
}
