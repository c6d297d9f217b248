/** Tool panels behind tabs; only the chosen one is shown, and each is built the first time it opens. */
import { h } from '../lib/dom.ts';

/** A tool panel: its tab title and how to build it into its container. */
export interface ToolPanel {
  id: string;
  title: string;
  mount(container: HTMLElement): void;
}

/** Builds the tab strip and panel containers. */
export function buildTabs(panels: ToolPanel[]): HTMLElement {
  const containers = new Map<string, HTMLElement>();
  const buttons = new Map<string, HTMLButtonElement>();
  const mounted = new Set<string>();
  const show = (id: string) => {
    for (const panel of panels) {
      const open = panel.id === id;
      const container = containers.get(panel.id) as HTMLElement;
      container.hidden = !open;
      buttons.get(panel.id)?.setAttribute('aria-selected', String(open));
      if (open && !mounted.has(panel.id)) {
        mounted.add(panel.id);
        panel.mount(container);
      }
    }
  };
  const strip = h('div', { class: 'tabs', role: 'tablist' });
  const body = h('div', { class: 'tab-panels' });
  for (const panel of panels) {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${panel.id}`,
        'aria-controls': `panel-${panel.id}`,
        onclick: () => show(panel.id),
      },
      panel.title,
    );
    buttons.set(panel.id, button);
    strip.append(button);
    const container = h('section', { id: `panel-${panel.id}`, role: 'tabpanel', class: 'tool-panel' });
    containers.set(panel.id, container);
    body.append(container);
  }
  const first = panels[0];
  if (first) show(first.id);
  return h('div', { class: 'tool-tabs' }, strip, body);
}
