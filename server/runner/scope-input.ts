/**
 * Scope and run options as the command line (or a query string) gives them: comma-separated lists
 * and numbers as text, validated with zod and turned into a projection scope and analysis options.
 */
import { z } from 'zod';
import { COMMUNITY_METHODS } from '../../analysis/communities/communities.ts';
import type { ProjectionScope } from '../store/projection.ts';
import { ANALYSIS_NAMES } from './types.ts';

const list = z.string().transform((text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date such as 2024-01-31');
const whole = (min: number, max: number) =>
  z.coerce.number().int(`a whole number from ${min} to ${max}`).min(min).max(max);

/** The scope options (the case is resolved to an id by the caller). */
export const scopeShape = {
  case: z.string().min(1).optional(),
  since: date.optional(),
  until: date.optional(),
  around: list.optional(),
  hops: whole(0, 10).optional(),
  labels: list.optional(),
  'link-types': list.optional(),
  'min-source': list.optional(),
};

/** The run options of `analyse`. */
export const runShape = {
  method: z.enum(COMMUNITY_METHODS, { error: `use ${COMMUNITY_METHODS.join(' or ')}` }).optional(),
  resolution: z.coerce.number().positive('a positive number such as 1').optional(),
  seed: whole(0, 2 ** 31).optional(),
  only: list
    .pipe(z.array(z.enum(ANALYSIS_NAMES, { error: `use any of ${ANALYSIS_NAMES.join(', ')}` })))
    .optional(),
};

/** Parsed scope options. */
export type ScopeInput = { [K in keyof typeof scopeShape]: z.infer<(typeof scopeShape)[K]> };

/** The projection scope of parsed options, with the case id already resolved. */
export function toScope(input: Partial<ScopeInput>, caseId?: string): ProjectionScope {
  const scope: ProjectionScope = {};
  if (caseId !== undefined) scope.caseId = caseId;
  if (input.since !== undefined) scope.since = input.since;
  if (input.until !== undefined) scope.until = input.until;
  if (input.around !== undefined) scope.around = input.around;
  if (input.hops !== undefined) scope.hops = input.hops;
  if (input.labels !== undefined) scope.labels = input.labels;
  if (input['link-types'] !== undefined) scope.linkTypes = input['link-types'];
  if (input['min-source'] !== undefined) scope.minSource = input['min-source'];
  return scope;
}

/** Node parseArgs options for the scope flags. */
export const SCOPE_FLAGS = {
  case: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  around: { type: 'string' },
  hops: { type: 'string' },
  labels: { type: 'string' },
  'link-types': { type: 'string' },
  'min-source': { type: 'string' },
} as const;
