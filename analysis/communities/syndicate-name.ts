/**
 * The name an analyst reads for a community (a syndicate, or a cell inside one): the name of the
 * criminal organisation among its members when the data records one (an Organisation of kind
 * "syndicate"), else its key members by name, so no panel, legend or canvas says "Community 3".
 * One function for every place a community is named: the run's summaries carry its answer.
 */

/** What naming reads of a member. */
export interface NamingAttributes {
  entityType?: unknown;
  kind?: unknown;
  name?: unknown;
}

/** How many key members a name lists when no organisation names the group. */
export const DEFAULTS = { keyMembers: 2 };

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Names a community from its members (in the community's order) and its key members (best first).
 * The first member that is an Organisation of kind "syndicate" gives the name; else up to
 * `keyMembers` key members' names joined by " & "; else "Community {id}".
 */
export function nameSyndicate(
  id: number,
  members: Iterable<NamingAttributes | undefined>,
  keyMembers: readonly { name?: string | undefined }[],
  options: { keyMembers?: number } = {},
): string {
  const limit = options.keyMembers ?? DEFAULTS.keyMembers;
  if (!(limit >= 1))
    throw new Error('ariadne/analysis/syndicate-name: keyMembers must be at least 1, e.g. 2.');
  for (const member of members) {
    if (member?.entityType !== 'Organisation' || member.kind !== 'syndicate') continue;
    const name = text(member.name);
    if (name) return name;
  }
  const names: string[] = [];
  for (const key of keyMembers) {
    const name = text(key.name);
    if (name && !names.includes(name)) names.push(name);
    if (names.length === limit) break;
  }
  return names.length > 0 ? names.join(' & ') : `Community ${id}`;
}
