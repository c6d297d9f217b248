/**
 * The note badge on the canvas: a node about which the user may see notes has "✎n" after its
 * label. A controller in Gephi Lite's sense: it renders nothing itself, wraps the node reducer, and
 * asks the server which records carry notes at start and whenever a note is added; when
 * asking fails, again shortly and at the view's next change.
 */
import { fetchNoteTargets } from '../api/notes-views.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { NOTES_CHANGED } from '../panels/notes-panel.ts';

/** The badge text for a number of notes. */
export function noteBadge(count: number): string {
  return `✎${count}`;
}

/** Installs the badges on the view's renderer; `say` reports a failure to fetch them. */
export function mountNoteBadges(view: GraphView, say: (message: string, kind: 'error') => void): void {
  let noted = new Map<string, number>();
  const base = view.sigma.getSetting('nodeReducer');
  view.sigma.setSetting('nodeReducer', (node, data) => {
    const out = base ? base(node, data) : { ...data };
    const count = noted.get(node);
    if (count !== undefined && !out.hidden && out.label) out.label = `${out.label} ${noteBadge(count)}`;
    return out;
  });
  // A failed fetch (the server busy, say) is tried again shortly, twice, then at the view's next change.
  let failed = false;
  let failures = 0;
  const refresh = async () => {
    failed = false;
    try {
      const { targets, truncated } = await fetchNoteTargets();
      noted = new Map(targets.map((t) => [t.id, t.count]));
      failures = 0;
      if (truncated)
        say(`Note badges are shown on the first ${targets.length} records with notes only.`, 'error');
      view.sigma.refresh();
    } catch (error) {
      failed = true;
      if (++failures <= 2) setTimeout(() => void refresh(), 3_000);
      say(`Note badges cannot be shown: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };
  document.addEventListener(NOTES_CHANGED, () => void refresh());
  view.onChange(() => failed && void refresh());
  void refresh();
}
