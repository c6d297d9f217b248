/**
 * The five syndicate templates, one per route family. Counts are for scale 1; larger scales add
 * further syndicates built from the same templates.
 */
import { AC } from './syndicate-ac.ts';
import { CM } from './syndicate-cm.ts';
import { EM } from './syndicate-em.ts';
import type { SyndicateTemplate } from './syndicate-template.ts';
import { WA } from './syndicate-wa.ts';
import { WB } from './syndicate-wb.ts';

export type { RouteSpec, StaffRole, SyndicateTemplate, VesselSpec } from './syndicate-template.ts';

/** The five templates, in build order. */
export const SYNDICATE_TEMPLATES: readonly SyndicateTemplate[] = [CM, EM, WB, WA, AC];
