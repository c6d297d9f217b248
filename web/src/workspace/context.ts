/** What panels share: the graph view, the signed-in user, and the workspace's actions. */
import type { Viewer } from '../api/types.ts';
import type { GraphView } from '../graph/graph-view.ts';

/** A button beside a status message: what the analyst can do about it (e.g. load what a cap cut). */
export interface StatusAction {
  label: string;
  run(): void;
}

export interface Workspace {
  view: GraphView;
  viewer: Viewer;
  /** Opens an entity: loads its neighbourhood, selects it and shows its details. */
  openEntity(id: string): Promise<void>;
  /** Expands a node's neighbourhood with the expansion options chosen in the toolbar. */
  expand(id: string): Promise<void>;
  /** Selects a node and shows its details. */
  select(id: string | null): void;
  /** Shows a short status message (progress, errors), with a button for what to do about it. */
  say(message: string, kind?: 'info' | 'error', action?: StatusAction): void;
}
