/**
 * The provider consent an H2 export or report needs, as request fields: `providerConsent=true` and
 * `provider` naming each providing agency (repeated, or a list in a JSON body). A missing or partial
 * confirmation is audited as denied and answered 409, naming the field and what to confirm.
 */
import { z } from 'zod';
import type { Audit } from '../audit/audit-trail.ts';
import {
  checkProviderConsent,
  type DisseminationNeed,
  type ProviderConsent,
  ProviderConsentError,
} from '../export/marking.ts';
import { HttpError } from './problem.ts';

/** How a route that needs the consent documents its refusal. */
export const CONSENT_REFUSED = {
  description: 'It holds H2 records: confirm that their providers agreed (providerConsent, provider)',
} as const;

const Provider = z.string().trim().min(1, 'name the providing agency').max(200);

/** The consent fields, for a query or a body. */
export const ConsentQuerySchema = z.object({
  providerConsent: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
      error: 'use true or false',
    })
    .optional()
    .meta({
      description:
        'H2 material: true confirms that each provider named in `provider` agreed to its dissemination',
    }),
  provider: z
    .union([Provider, z.array(Provider).max(50)])
    .optional()
    .meta({ description: 'H2 material: the providing agencies that agreed (repeat for several)' }),
});

/** The consent a request gives, if it gives one. */
export function consentOf(fields: z.output<typeof ConsentQuerySchema>): ProviderConsent | undefined {
  if (fields.providerConsent !== true) return undefined;
  const given = fields.provider;
  return { providers: given === undefined ? [] : Array.isArray(given) ? given : [given] };
}

/** Answers 409 (and audits the refusal) unless the consent covers the need. */
export async function requireConsent(
  need: DisseminationNeed,
  consent: ProviderConsent | undefined,
  audit: Audit,
  action: string,
  targets: string[],
  parameters: Record<string, unknown>,
  where: 'query' | 'body' = 'query',
): Promise<void> {
  try {
    checkProviderConsent(need, consent);
  } catch (error) {
    if (!(error instanceof ProviderConsentError)) throw error;
    await audit({ action, targets, parameters: { ...parameters, handling: 'H2' }, outcome: 'denied' });
    throw new HttpError(
      409,
      'Confirm that the providers of the H2 records agreed',
      [{ field: `${where}.providerConsent`, message: error.message }],
      undefined,
      // The agencies to confirm, for a client to ask its user about by name.
      { providers: error.providers },
    );
  }
}
