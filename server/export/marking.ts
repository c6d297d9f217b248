/**
 * The handling marking of what leaves Ariadne: every export and report carries the most restrictive
 * handling code of the records it holds (EU codes: H0 crime-fighting use only, H1 not for judicial
 * proceedings without the provider's permission, H2 no dissemination without the provider's
 * permission, H3 other restrictions). H2 material leaves only after the user confirms that each
 * provider named in its sources agreed; the confirmation goes into the audit trail with the export.
 */
import { HANDLING_CODES, type HandlingCode } from '../schema/model.ts';
import { HANDLING_DESCRIPTIONS } from '../schema/provenance.ts';

/** The marking of a file: its strictest handling code and the line that says what it means. */
export interface Marking {
  handling: HandlingCode;
  text: string;
}

/** The line printed on every marked output, e.g. "Handling H2: not to be disseminated without ...". */
export function handlingLine(code: HandlingCode): string {
  return `Handling ${code}: ${HANDLING_DESCRIPTIONS[code]}`;
}

/** The marking of material holding records of these codes (H0 when it holds none). */
export function markingOf(codes: Iterable<string>): Marking {
  let rank = 0;
  for (const code of codes) rank = Math.max(rank, HANDLING_CODES.indexOf(code as HandlingCode));
  const handling = HANDLING_CODES[rank] as HandlingCode;
  return { handling, text: handlingLine(handling) };
}

/** The user's confirmation that the providers of the H2 material agreed to its dissemination. */
export interface ProviderConsent {
  providers: string[];
}

/** What H2 material needs before it leaves: whether it holds any, and the providers to confirm. */
export interface DisseminationNeed {
  h2: boolean;
  providers: string[];
}

/** The H2 material asks for a confirmation the user did not give. */
export class ProviderConsentError extends Error {
  override name = 'ProviderConsentError';
  constructor(readonly providers: string[]) {
    super(consentMessage(providers));
  }
}

function consentMessage(providers: string[]): string {
  const who = providers.length > 0 ? providers.join(', ') : 'the providing agency';
  const how =
    providers.length > 0
      ? providers.map((p) => `provider=${p}`).join(' and ')
      : 'provider=<the agency that provided it>';
  return `This holds H2 records (${HANDLING_DESCRIPTIONS.H2}) provided by ${who}: confirm that ${
    providers.length > 1 ? 'each provider' : 'the provider'
  } agreed to this dissemination with providerConsent=true and ${how}`;
}

/** Throws ProviderConsentError unless the consent names every provider of the H2 material. */
export function checkProviderConsent(need: DisseminationNeed, consent: ProviderConsent | undefined): void {
  if (!need.h2) return;
  const named = new Set((consent?.providers ?? []).map((p) => p.trim().toLowerCase()).filter(Boolean));
  const missing = need.providers.filter((p) => !named.has(p.toLowerCase()));
  if (consent === undefined || missing.length > 0 || named.size === 0)
    throw new ProviderConsentError(need.providers);
}

/** The same request for the CLI, where consent is the `--provider-consent AGENCY` option. */
export function cliConsentMessage(providers: string[]): string {
  const who = providers.length > 0 ? providers.join(', ') : 'the providing agency';
  const how =
    providers.length > 0
      ? providers.map((p) => `--provider-consent ${JSON.stringify(p)}`).join(' ')
      : '--provider-consent AGENCY';
  return `this holds H2 records (${HANDLING_DESCRIPTIONS.H2}) provided by ${who}: confirm that they agreed with ${how}`;
}
