/**
 * Table benchmark: what the table beside the canvas costs for a large view, in Node (the work is the
 * same in the page; building the rows in sight is a constant ~40 rows). For views of 5,000 and 50,000
 * entities (two links each), it times building the rows (web/src/graph/table-rows.ts), sorting them
 * by name and filtering them with the table's own tanstack set-up (web/src/panels/table-grid.ts), and
 * prints each next to the references: one frame at 60 Hz (16.7 ms), and a plain Array.sort of the
 * same rows by name.
 * Usage: node --import tsx scripts/bench/table.ts [--sizes 5000,50000] [--runs 7]
 * It prints figures; nothing here is a test.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createDataGraph } from '../../web/src/graph/data-graph.ts';
import type { DisplayGraph } from '../../web/src/graph/display-graph.ts';
import { ENTITY_COLUMNS, type EntityRow, entityRows, linkRows } from '../../web/src/graph/table-rows.ts';
import { columnDefinition, createRowTable } from '../../web/src/panels/table-grid.ts';
import { createRng } from '../../analysis/core/random.ts';
import { medianTime } from './median-time.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '5000,50000' }, runs: { type: 'string', default: '7' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const FRAME_MS = 1000 / 60;
const TYPES = ['Person', 'Document', 'Account', 'Vessel', 'Payment', 'Location'];
const SYLLABLES = ['al', 'ben', 'kha', 'mo', 'ra', 'sa', 'ti', 'zu', 'el', 'fa'];

function makeGraph(entities: number) {
  const random = createRng(entities);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const graph = createDataGraph();
  for (let i = 0; i < entities; i++) {
    const name = Array.from({ length: 3 }, () => pick(SYLLABLES)).join('');
    graph.addNode(`e${i}`, {
      entityType: pick(TYPES),
      name: `${name} ${i}`,
      sources: [],
      grade: pick(['A1', 'B2', 'C3', 'X4']),
      gradeScheme: 'europol',
      handling: pick(['H0', 'H1', 'H2']),
      firstSeen: `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-01`,
      x: 0,
      y: 0,
    } as never);
  }
  for (let i = 0; i < entities * 2; i++)
    graph.addDirectedEdgeWithKey(`l${i}`, `e${Math.floor(random() * entities)}`, `e${i % entities}`, {
      linkType: 'ASSOCIATE_OF',
      grade: 'B2',
      handling: 'H0',
    } as never);
  return graph;
}

/** The median of `runs` timings of `work`, in ms. */
const time = (work: () => unknown): number => medianTime(runs, work);

const figure = (ms: number, reference: number) => `${ms.toFixed(1)} ms (${(ms / reference).toFixed(2)}x)`;

console.log(
  `Table benchmark; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; median of ${runs}`,
);
console.log('entities | build rows | sort by name | filter "ben" | plain Array.sort | one frame');
for (const size of sizes) {
  const graph = makeGraph(size);
  const input = {
    drawn: graph as unknown as DisplayGraph,
    items: { nodes: graph.nodes(), edges: graph.edges() },
    syndicateOf: () => undefined,
    scores: null,
  };
  const build = time(() => [entityRows(input), linkRows(input)]);
  const rows = entityRows(input);
  const { table } = createRowTable<EntityRow>(() => {});
  table.setOptions((o) => ({ ...o, data: rows, columns: ENTITY_COLUMNS.map(columnDefinition) }));
  // Each timing changes the state, so tanstack's memo recomputes the row model.
  let flip = false;
  const sort = time(() => {
    flip = !flip;
    table.setSorting([{ id: 'name', desc: flip }]);
    return table.getRowModel().rows.length;
  });
  table.setSorting([{ id: 'name', desc: false }]);
  const filter = time(() => {
    flip = !flip;
    table.setGlobalFilter(flip ? 'ben' : 'BEN');
    return table.getRowModel().rows.length;
  });
  table.setGlobalFilter('');
  const plain = time(
    () => [...rows].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)).length,
  );
  console.log(
    `${size} | ${figure(build, FRAME_MS)} | ${figure(sort, FRAME_MS)} | ${figure(filter, FRAME_MS)} | ${plain.toFixed(1)} ms; sort ${(sort / plain).toFixed(2)}x of it | ${FRAME_MS.toFixed(1)} ms`,
  );
}
console.log(
  `Ratios in brackets are to one frame at 60 Hz; only ~40 rows are built into the page at a time. Load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
