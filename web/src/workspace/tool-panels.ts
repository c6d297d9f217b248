/** The tool panels in their tabs, and the timeline under the canvas. */
import { mountAnalysesPanel } from '../panels/analyses-panel.ts';
import { mountDocumentsPanel } from '../panels/documents-panel.ts';
import { mountExportPanel } from '../panels/export-panel.ts';
import { mountFilterPanel } from '../panels/filter-panel.ts';
import { mountMoneyPanel } from '../panels/money-panel.ts';
import { mountPathsPanel } from '../panels/paths-panel.ts';
import { mountReportPanel } from '../panels/report-panel.ts';
import { mountRoutesPanel } from '../panels/routes-map.ts';
import { mountTablePanel } from '../panels/table-panel.ts';
import { buildTimeline } from '../panels/timeline.ts';
import type { Workspace } from './context.ts';
import { buildTabs } from './tabs.ts';

/** Builds the tabs, and adds the timeline to the centre column. */
export function toolPanels(workspace: Workspace, centre: HTMLElement): HTMLElement {
  centre.append(buildTimeline(workspace));
  return buildTabs([
    { id: 'filters', title: 'Filters', mount: (c) => mountFilterPanel(c, workspace) },
    { id: 'table', title: 'Table', mount: (c) => mountTablePanel(c, workspace) },
    { id: 'analyses', title: 'Analyses', mount: (c) => mountAnalysesPanel(c, workspace) },
    { id: 'money', title: 'Money', mount: (c) => mountMoneyPanel(c, workspace) },
    { id: 'routes', title: 'Routes', mount: (c) => mountRoutesPanel(c, workspace) },
    { id: 'documents', title: 'Documents', mount: (c) => mountDocumentsPanel(c, workspace) },
    { id: 'paths', title: 'Paths', mount: (c) => mountPathsPanel(c, workspace) },
    { id: 'export', title: 'Export', mount: (c) => mountExportPanel(c, workspace) },
    { id: 'report', title: 'Report', mount: (c) => mountReportPanel(c, workspace) },
  ]);
}
