/**
 * The cells of a syndicate and the calls that make them: smuggling networks are loose federations
 * of small groups (a recruiter and his drivers, a boat pilot and his brother, the hawaladars), each
 * phoning inside itself all the time, its head phoning the leadership, and rarely anyone else.
 * The cells are recorded in the ground truth, so that cell detection can be checked against them.
 */
import { type CaseContext, pad } from './context.ts';
import type { StaffRole } from './data/syndicates.ts';
import type { Staff, SyndicateState } from './state.ts';
import type { CellKind, DemoRecord } from './types.ts';

/** Which roles make up each kind of cell; the leadership is always one cell. */
const CELL_ROLES: readonly { kind: CellKind; roles: readonly StaffRole[] }[] = [
  { kind: 'leadership', roles: ['organiser'] },
  { kind: 'recruitment', roles: ['recruiter', 'transporter'] },
  { kind: 'crossing', roles: ['boat pilot', 'guide'] },
  { kind: 'papers', roles: ['forger', 'online advertiser'] },
  { kind: 'money', roles: ['money broker', 'corrupt official'] },
  { kind: 'shelter', roles: ['safe-house keeper'] },
];

/** People per cell the dealing aims at: cells of three to five. */
const CELL_SIZE = 3;

// Inside a cell nearly everyone talks to everyone, often; the organisers phone every cell's head and
// many of the others, which keeps the syndicate one community; members of two different cells of the
// syndicate talk only now and then.
const LINKING = {
  inside: { probability: 0.9, calls: [40, 200] },
  // The organisers are in touch every day.
  leadership: { calls: [150, 400] },
  head: { calls: [20, 120] },
  leader: { probability: 0.8, calls: [20, 80] },
  between: { probability: 0.06, calls: [2, 12] },
} as const;

/** One planted cell while the syndicate is built. */
export interface PlannedCell {
  key: string;
  kind: CellKind;
  members: Staff[];
}

/** Deals a syndicate's staff into cells by role, mixing the roles of a kind inside each cell. */
export function planCells(state: SyndicateState): PlannedCell[] {
  const cells: PlannedCell[] = [];
  for (const { kind, roles } of CELL_ROLES) {
    const pool = roles.flatMap((role) => state.staff.filter((member) => member.role === role));
    if (pool.length === 0) continue;
    const count = kind === 'leadership' ? 1 : Math.max(1, Math.floor(pool.length / CELL_SIZE));
    const groups: Staff[][] = Array.from({ length: count }, () => []);
    for (const [i, member] of pool.entries()) groups[i % count]?.push(member);
    groups.forEach((members, i) => {
      cells.push({ key: `${state.key}/${kind}-${i + 1}`, kind, members });
    });
  }
  return cells;
}

/** Emits the calls inside and between the cells, the brothers among boat pilots, and the truth. */
export function* buildCells(ctx: CaseContext, state: SyndicateState): Generator<DemoRecord> {
  const { rng } = ctx;
  const cells = planCells(state);
  const leaders = cells.find((cell) => cell.kind === 'leadership')?.members ?? [];
  for (const cell of cells) {
    yield* callsInside(ctx, state, cell);
    const pilots = cell.members.filter((member) => member.role === 'boat pilot');
    if (pilots[0] && pilots[1]) {
      yield ctx.link(
        'FAMILY_OF',
        pilots[0].id,
        pilots[1].id,
        { role: 'brother' },
        ctx.provenance(state.sources),
      );
    }
    ctx.truth.cells.push({
      key: cell.key,
      syndicate: state.key,
      kind: cell.kind,
      members: cell.members.map((member) => member.id),
    });
  }
  const working = cells.filter((cell) => cell.kind !== 'leadership');
  for (const cell of working) {
    for (const leader of leaders) {
      for (const [n, member] of cell.members.entries()) {
        if (n === 0) yield callLink(ctx, state, leader.id, member.id, rng.int(...LINKING.head.calls));
        else if (rng.chance(LINKING.leader.probability))
          yield callLink(ctx, state, leader.id, member.id, rng.int(...LINKING.leader.calls));
      }
    }
  }
  for (let a = 0; a < working.length; a++) {
    for (let b = a + 1; b < working.length; b++) {
      for (const x of working[a]?.members ?? []) {
        for (const y of working[b]?.members ?? []) {
          if (rng.chance(LINKING.between.probability))
            yield callLink(ctx, state, x.id, y.id, rng.int(...LINKING.between.calls));
        }
      }
    }
  }
}

// Every pair with high probability; a member the draw left without a call to anyone listed before
// them is tied to the cell's head, so each cell is connected.
function* callsInside(ctx: CaseContext, state: SyndicateState, cell: PlannedCell): Generator<DemoRecord> {
  const { rng } = ctx;
  const { members } = cell;
  const calls: readonly [number, number] =
    cell.kind === 'leadership' ? LINKING.leadership.calls : LINKING.inside.calls;
  const tiedBack = new Set<number>();
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (!rng.chance(LINKING.inside.probability)) continue;
      tiedBack.add(j);
      yield callLink(ctx, state, members[i]!.id, members[j]!.id, rng.int(...calls));
    }
  }
  for (let i = 1; i < members.length; i++) {
    if (!tiedBack.has(i)) yield callLink(ctx, state, members[0]!.id, members[i]!.id, rng.int(...calls));
  }
}

function callLink(ctx: CaseContext, state: SyndicateState, a: string, b: string, calls: number): DemoRecord {
  const first = `2023-${pad(ctx.rng.int(1, 12), 2)}-${pad(ctx.rng.int(1, 28), 2)}`;
  return ctx.link(
    'CONTACTED',
    a,
    b,
    { weight: calls },
    ctx.provenance(state.sources, { firstSeen: first, lastSeen: '2025-10-31' }),
  );
}
