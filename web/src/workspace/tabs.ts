/** Tool panels behind tabs; only the chosen one is shown, and each is built the first time it opens. */
import { h, replace } from '../lib/dom.ts';

/** A tool panel: its tab title and how to build it into its container. */
export interface ToolPanel {
  id: string;
  title: string;
  /** May load the panel's code first (a promise); a failure is shown in the container. */
  mount(container: HTMLElement): void | Promise<void>;
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
        // A panel whose code did not load says so, and is tried again when its tab opens again.
        panel.mount(container)?.catch((error: unknown) => {
          mounted.delete(panel.id);
          const message = `The ${panel.title} panel could not open: ${String(error)}`;
          replace(container, h('p', { class: 'error', role: 'alert' }, message));
        });
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
