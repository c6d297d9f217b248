/**
 * The tool panels in their tabs, and the timeline under the canvas. The Filters tab, open at start,
 * is in the workspace's code; every other panel's code (the table's grid, the Sankey, the map) is
 * fetched the first time its tab opens, so the page compiles less before it draws a case.
 */
import { mountFilterPanel } from '../panels/filter-panel.ts';
import { buildTimeline } from '../panels/timeline.ts';
import type { Workspace } from './context.ts';
import { buildTabs } from './tabs.ts';

/** Builds the tabs, and adds the timeline to the centre column. */
export function toolPanels(workspace: Workspace, centre: HTMLElement): HTMLElement {
  centre.append(buildTimeline(workspace));
  return buildTabs([
    { id: 'filters', title: 'Filters', mount: (c) => mountFilterPanel(c, workspace) },
    {
      id: 'table',
      title: 'Table',
      mount: async (c) => (await import('../panels/table-panel.ts')).mountTablePanel(c, workspace),
    },
    {
      id: 'analyses',
      title: 'Analyses',
      mount: async (c) => (await import('../panels/analyses-panel.ts')).mountAnalysesPanel(c, workspace),
    },
    {
      id: 'money',
      title: 'Money',
      mount: async (c) => (await import('../panels/money-panel.ts')).mountMoneyPanel(c, workspace),
    },
    {
      id: 'routes',
      title: 'Routes',
      mount: async (c) => (await import('../panels/routes-map.ts')).mountRoutesPanel(c, workspace),
    },
    {
      id: 'documents',
      title: 'Documents',
      mount: async (c) => (await import('../panels/documents-panel.ts')).mountDocumentsPanel(c, workspace),
    },
    {
      id: 'paths',
      title: 'Paths',
      mount: async (c) => (await import('../panels/paths-panel.ts')).mountPathsPanel(c, workspace),
    },
    {
      id: 'export',
      title: 'Export',
      mount: async (c) => (await import('../panels/export-panel.ts')).mountExportPanel(c, workspace),
    },
    {
      id: 'report',
      title: 'Report',
      mount: async (c) => (await import('../panels/report-panel.ts')).mountReportPanel(c, workspace),
    },
  ]);
}
