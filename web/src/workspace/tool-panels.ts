/**
 * The tool panels in their tabs, and the timeline under the canvas. The Filters tab, open at start,
 * is in the workspace's code; every other panel's code (the table's grid, the Sankey, the map) is
 * fetched the first time its tab opens, so the page compiles less before it draws a case.
 */
import { mountFilterPanel } from '../panels/filter-panel.ts';
import { buildTimeline } from '../panels/timeline.ts';
import type { Workspace } from './context.ts';
import { buildTabs, type ToolPanel } from './tabs.ts';

/** How a panel is built into its container. */
type MountPanel = (container: HTMLElement, workspace: Workspace) => void;

/** Builds the tabs, and adds the timeline to the centre column. */
export function toolPanels(workspace: Workspace, centre: HTMLElement): HTMLElement {
  centre.append(buildTimeline(workspace));
  // A panel whose code is fetched when its tab first opens.
  const later = (id: string, title: string, load: () => Promise<MountPanel>): ToolPanel => ({
    id,
    title,
    mount: async (container) => (await load())(container, workspace),
  });
  return buildTabs([
    { id: 'filters', title: 'Filters', mount: (c) => mountFilterPanel(c, workspace) },
    later('table', 'Table', async () => (await import('../panels/table-panel.ts')).mountTablePanel),
    later(
      'analyses',
      'Analyses',
      async () => (await import('../panels/analyses-panel.ts')).mountAnalysesPanel,
    ),
    later('money', 'Money', async () => (await import('../panels/money-panel.ts')).mountMoneyPanel),
    later('routes', 'Routes', async () => (await import('../panels/routes-map.ts')).mountRoutesPanel),
    later(
      'documents',
      'Documents',
      async () => (await import('../panels/documents-panel.ts')).mountDocumentsPanel,
    ),
    later('paths', 'Paths', async () => (await import('../panels/paths-panel.ts')).mountPathsPanel),
    later('export', 'Export', async () => (await import('../panels/export-panel.ts')).mountExportPanel),
    later('report', 'Report', async () => (await import('../panels/report-panel.ts')).mountReportPanel),
  ]);
}
