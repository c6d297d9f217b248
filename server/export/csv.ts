/**
 * Ariadne CSV out: `entities.csv` (`id,type,name,...`) and `links.csv` (`source,target,type,...`),
 * the union of the properties as further columns, in the shape the CSV reader reads. Cells that would
 * read back different are reported as losses (NDJSON carries every value exactly).
 */
import { type Columns, orderColumns } from './columns.ts';
import { csvCell, csvRow, quoteCsv } from './csv-cells.ts';
import type { LossTally } from './losses.ts';
import type { Marking } from './marking.ts';
import type { ExportSource, TextSink } from './types.ts';

/** Options of the CSV writer. */
export interface CsvOptions {
  /** Prefix formula-looking text with `'` and start with a BOM, for spreadsheets; breaks the round trip. */
  excelSafe?: boolean;
  /** A `# Handling H2: ...` line above each table's header, which the CSV readers skip. */
  marking?: Marking | undefined;
}

const ENTITY_LEADING = ['id', 'type', 'name', 'kind'];
const LINK_LEADING = ['source', 'target', 'type', 'id'];
const RECORD_KINDS = new Set(['entity', 'link']);
const BOM = '\uFEFF';

function header(columns: readonly string[]): string {
  return csvRow(columns.map(quoteCsv));
}

function rowOf(
  type: string,
  columns: readonly string[],
  values: Record<string, unknown>,
  losses: LossTally,
  excelSafe: boolean,
): string {
  for (const key of Object.keys(values)) {
    if (!columns.includes(key)) losses.note(type, key, 'appeared after the columns were read (data changed)');
  }
  const cells = columns.map((column) => {
    const value = column === 'type' ? type : values[column];
    const cell = csvCell(column, value, excelSafe);
    if (cell.loss !== undefined) losses.note(type, column, cell.loss);
    return cell.text;
  });
  return csvRow(cells);
}

// The reader takes the `type` column as the record type, and `entity`/`link` in a `kind` column as the
// record kind: such property values cannot come back and are reported.
function checkReservedCells(type: string, values: Record<string, unknown>, losses: LossTally): void {
  if (values.type !== undefined) losses.note(type, 'type', 'the record type takes the "type" column');
  if (typeof values.kind === 'string' && RECORD_KINDS.has(values.kind))
    losses.note(type, 'kind', 'the CSV reader reads this "kind" as the record kind');
}

/** Writes the entities and links of a source as a CSV pair, given the source's columns. */
export async function writeCsv(
  source: ExportSource,
  columns: Columns,
  sinks: { entities: TextSink; links: TextSink },
  losses: LossTally,
  options: CsvOptions = {},
): Promise<void> {
  const excelSafe = options.excelSafe === true;
  const start = (excelSafe ? BOM : '') + (options.marking ? `# ${options.marking.text}\r\n` : '');
  const entityColumns = orderColumns(['id', 'type', ...columns.entity.keys()], ENTITY_LEADING);
  await sinks.entities.write(start + header(entityColumns));
  for await (const entity of source.entities()) {
    checkReservedCells(entity.type, entity.properties, losses);
    await sinks.entities.write(rowOf(entity.type, entityColumns, entity.properties, losses, excelSafe));
  }
  const linkColumns = orderColumns(['source', 'target', 'type', ...columns.link.keys()], LINK_LEADING);
  await sinks.links.write(start + header(linkColumns));
  for await (const link of source.links()) {
    const values = { ...link.properties, source: link.source, target: link.target };
    checkReservedCells(link.type, link.properties, losses);
    await sinks.links.write(rowOf(link.type, linkColumns, values, losses, excelSafe));
  }
}
