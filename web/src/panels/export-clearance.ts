/**
 * The step every file made in the page goes through first: the server is told which records the
 * file will hold; it answers their strictest handling code (read by the store, not taken from the
 * page), writes the audit event, and holds H2 material back until the user confirms that its
 * providers agreed (the consent box). Only then is the file made.
 */
import type { ViewExportAnswer } from '../../../server/schema/api/export.ts';
import { clearViewExport, type ViewExportRequest } from '../api/exports.ts';
import { buildConsentBox } from './consent-box.ts';

/** Tells the panel where the export stands: a state for `data-state`, a line for the user. */
export type ExportSay = (state: string, text: string, error?: boolean) => void;

/** The records a file will hold: entity and link ids of the data graph. */
export interface HeldRecords {
  entities: string[];
  links: string[];
}

/** An export: its format, what it holds, how the file is made once cleared, and its wording. */
export interface ClearedExport {
  format: ViewExportRequest['format'];
  held(): HeldRecords;
  /**
   * A file the server writes (GEXF): one request clears and writes it, in place of the clearing
   * request; its bytes reach `make`.
   */
  serverFile?: (request: ViewExportRequest) => Promise<{ answer: ViewExportAnswer; file: Blob }>;
  make(answer: ViewExportAnswer, file?: Blob): void | Promise<void>;
  /** What the file is, for the consent question ("This view", "This table"). */
  what: string;
  /** Said when it would hold no entity. */
  empty: string;
}

/** The clearance step of one panel; its consent box's ids start with `prefix`. */
export function exportClearance(
  prefix: string,
  say: ExportSay,
): { element: HTMLElement; run(request: ClearedExport): Promise<void> } {
  const consent = buildConsentBox(prefix, (text) => say('consent', text));
  const run = async (request: ClearedExport, providers?: string[]): Promise<void> => {
    const held = request.held();
    if (held.entities.length === 0) return say('empty', request.empty, true);
    say('clearing', 'Asking the server to mark and record the export…');
    try {
      const body: ViewExportRequest = {
        format: request.format,
        ...held,
        ...(providers ? { providerConsent: true, provider: providers } : {}),
      };
      const { answer, file } = request.serverFile
        ? await request.serverFile(body)
        : { answer: await clearViewExport(body), file: undefined };
      await request.make(answer, file);
      say(
        'exported',
        `Exported ${answer.entities} entities and ${answer.links} links, marked ${answer.handling}.`,
      );
    } catch (error) {
      const asked = consent.ask(error, request.what, (names) => void run(request, names));
      if (asked) return say('consent', 'Confirm the providers’ agreement to go on.');
      say('error', error instanceof Error ? error.message : String(error), true);
    }
  };
  return { element: consent.element, run: (request) => run(request) };
}

/** A file name's stamp: the handling code and the time, `H2-2026-01-31-12-00-00`. */
export function exportStamp(handling: string): string {
  return `${handling}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}
