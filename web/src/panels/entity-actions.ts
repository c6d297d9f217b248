/** Buttons acting on one entity: expand, focus, hide, pin, and use it as a path end. */
import { withItems, withoutItems } from '../graph/view-state.ts';
import { h } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { setPathEnd } from './paths-panel.ts';

/** The action bar for an entity. */
export function entityActions(id: string, workspace: Workspace): HTMLElement {
  const { view } = workspace;
  const pinned = view.state.pinned.includes(id);
  const act = (label: string, name: string, run: () => void) =>
    h('button', { type: 'button', 'data-action': name, onclick: run }, label);
  return h(
    'div',
    { class: 'actions' },
    act('Expand', 'expand', () => void workspace.expand(id)),
    act('Centre', 'centre', () => view.focusNode(id)),
    act('Hide', 'hide', () =>
      view.update((s) => ({
        ...s,
        hidden: withItems(s.hidden, [id]),
        selected: withoutItems(s.selected, [id]),
      })),
    ),
    act(pinned ? 'Unpin' : 'Pin', 'pin', () =>
      view.update((s) => ({
        ...s,
        pinned: pinned ? withoutItems(s.pinned, [id]) : withItems(s.pinned, [id]),
      })),
    ),
    act('Path from', 'path-from', () => setPathEnd('from', id, workspace)),
    act('Path to', 'path-to', () => setPathEnd('to', id, workspace)),
  );
}
