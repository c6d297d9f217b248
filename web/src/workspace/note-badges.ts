/**
 * The note badge on the canvas: a node about which the user may see notes has "✎n" after its
 * label. A controller in Gephi Lite's sense: it renders nothing itself, wraps the node reducer, and
 * asks the server which records carry notes at start and whenever a note is added.
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
  const refresh = async () => {
    try {
      const { targets, truncated } = await fetchNoteTargets();
      noted = new Map(targets.map((t) => [t.id, t.count]));
      if (truncated)
        say(`Note badges are shown on the first ${targets.length} records with notes only.`, 'error');
      view.sigma.refresh();
    } catch (error) {
      say(`Note badges cannot be shown: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };
  document.addEventListener(NOTES_CHANGED, () => void refresh());
  void refresh();
}
