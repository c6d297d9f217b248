/**
 * Imports that name what the uploader may not see, each sent as a dry run and for real: a hidden
 * entity's id, a hidden link's type and ends, the natural keys of a hidden vessel (IMO, MMSI),
 * account (IBAN) and document (number and country), the hidden case and Source by name, and a
 * citation of the hidden Source. Each must be answered exactly as if the id or key were free.
 */
import type { Probe } from './plan.ts';
import type { World } from './world.ts';

const ndjson = (records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

function upload(text: string, query: Record<string, string>, keep: string): Probe {
  return {
    op: 'POST /api/imports',
    method: 'POST',
    path: '/api/imports',
    query: { format: 'ndjson', ...query },
    upload: text,
    keep,
    follow: true,
  };
}

/** The files of one phase; a second phase sends them again, so re-imports are checked too. */
export function importProbes(world: World, phase: string): Probe[] {
  const p = world.pools;
  const h = p.hidden;
  const [hiddenLink] = h.links;
  const files: [string, string, Record<string, string>][] = [
    [
      'hidden-link',
      ndjson([{ kind: 'link', ...hiddenLink, handling: 'H1', notes: 'met twice in Zuwara' }]),
      {},
    ],
    [
      'hidden-keys',
      ndjson([
        { kind: 'entity', type: 'Vessel', name: 'Probe boat', imo: h.vessel.imo, handling: 'H0' },
        { kind: 'entity', type: 'Vessel', name: 'Probe skiff', mmsi: h.vessel.mmsi, handling: 'H0' },
        { kind: 'entity', type: 'Account', entityKind: 'bank', iban: h.iban, name: 'Probe account' },
        {
          kind: 'entity',
          type: 'Document',
          entityKind: 'passport',
          number: h.document.number,
          issuingCountry: h.document.country,
        },
      ]),
      { handling: 'H0' },
    ],
    [
      'hidden-ids',
      ndjson([
        { kind: 'entity', type: 'Person', id: h.people[0], name: 'Probe person', handling: 'H1' },
        { kind: 'link', type: 'HOLDS_ACCOUNT', source: p.people[3], target: h.account, handling: 'H0' },
      ]),
      {},
    ],
    [
      'hidden-case-source',
      ndjson([
        { kind: 'entity', type: 'Person', sourceRef: 'probe-1', name: 'Probe recruit', handling: 'H0' },
      ]),
      { case: h.case.name, source: h.source.reference },
    ],
    [
      'hidden-citation',
      ndjson([
        {
          kind: 'entity',
          type: 'Person',
          sourceRef: 'probe-2',
          name: 'Probe driver',
          sources: [h.source.id],
        },
      ]),
      { handling: 'H0' },
    ],
  ];
  const probes: Probe[] = [];
  for (const [name, text, query] of files) {
    probes.push(upload(text, { ...query, dryRun: 'true' }, `import-${name}-dry-${phase}`));
    probes.push(upload(text, query, `import-${name}-${phase}`));
  }
  return probes;
}
