/** The tool panels in their tabs, and the timeline under the canvas. */
import { mountFilterPanel } from '../panels/filter-panel.ts';
import { mountPathsPanel } from '../panels/paths-panel.ts';
import { buildTimeline } from '../panels/timeline.ts';
import type { Workspace } from './context.ts';
import { buildTabs } from './tabs.ts';

/** Builds the tabs, and adds the timeline to the centre column. */
export function toolPanels(workspace: Workspace, centre: HTMLElement): HTMLElement {
  centre.append(buildTimeline(workspace.view));
  return buildTabs([
    { id: 'filters', title: 'Filters', mount: (c) => mountFilterPanel(c, workspace) },
    { id: 'paths', title: 'Paths', mount: (c) => mountPathsPanel(c, workspace) },
  ]);
}
