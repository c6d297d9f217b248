/** Section 9, Recommendations, each tied to the finding it answers. */
import { type ReportContext, say } from '../context.ts';
import type { Section, Sentence } from '../types.ts';
import type { Gap } from './gaps.ts';

const answer = (_ctx: ReportContext, text: string, finding: string, cites: number[]): Sentence => ({
  text: `${text} (answers: ${finding})`,
  cites,
});

/** Builds the Recommendations section from the figures and gaps found. */
export function buildRecommendationsSection(ctx: ReportContext, gaps: Gap[]): Section {
  const f = ctx.figures;
  const items: Sentence[] = [];
  const hotspot = ctx.result.routes?.hotspots[0];
  if (hotspot)
    items.push(
      answer(
        ctx,
        `Concentrate joint patrols and debriefings at ${hotspot.name ?? hotspot.location}.`,
        `section 3, busiest hotspot`,
        ctx.citations.cite([hotspot.location]),
      ),
    );
  if ((f.routesAppeared ?? 0) + (f.routesShifted ?? 0) > 0)
    items.push(
      answer(
        ctx,
        'Share the new and shifted corridors with the border agencies on them and monitor the new departure points.',
        'section 3, route changes',
        [],
      ),
    );
  if ((f.reusedDocuments ?? 0) + (f.compromisedDocuments ?? 0) > 0)
    items.push(
      answer(
        ctx,
        'Check the reused and compromised documents against INTERPOL SLTD and alert the issuing states.',
        'section 4, document fraud',
        ctx.citations.cite(ctx.result.documents?.shared.map((s) => s.document) ?? []),
      ),
    );
  if ((f.typologies ?? 0) > 0)
    items.push(
      answer(
        ctx,
        'Open parallel financial investigations on the laundering patterns found, with the FIUs of the countries involved.',
        'section 5, laundering typologies',
        ctx.citations.cite((ctx.result.money?.typologies ?? []).flatMap((t) => t.payments)),
      ),
    );
  if ((f.crimeLinks ?? 0) > 0)
    items.push(
      answer(
        ctx,
        'Inform the units for the linked crime areas (counter-terrorism, drugs, trafficking in human beings) and deconflict.',
        'section 6, links to other crime areas',
        [],
      ),
    );
  if ((f.disruptionRemoved ?? 0) > 0)
    items.push(
      answer(
        ctx,
        'Prioritise the facilitators whose removal fragments the networks most.',
        'section 7, resilience',
        ctx.citations.cite(ctx.result.disruption?.removed.map((r) => r.id) ?? []),
      ),
    );
  for (const gap of gaps)
    items.push(answer(ctx, gap.requirement, `section 8, ${gap.finding.text}`, gap.finding.cites));
  if (items.length === 0)
    items.push(
      say(
        ctx,
        'No recommendation can be drawn: the data in scope is too thin. Collect and load the missing records first (section 8).',
      ),
    );
  return { id: 'recommendations', title: 'Recommendations', blocks: [{ kind: 'list', items }] };
}
