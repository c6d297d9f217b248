/**
 * The view in the address bar: the state as JSON, base64url-encoded in the hash, so a copied link
 * reopens the same loads, filters, selection and styling. Anything unreadable opens an empty view.
 */
import { EMPTY_VIEW, type ViewState } from './view-state.ts';

const PREFIX = '#view=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** What of a view state is kept in a link and in a saved view (web/src/panels/views-menu.ts). */
export function keptView(state: ViewState): Omit<ViewState, 'highlight' | 'removed'> {
  // Highlights of a moment are not worth keeping; removals are a "what if".
  const { highlight: _h, removed: _r, ...kept } = state;
  return kept;
}

/** The hash for a view state. */
export function encodeView(state: ViewState): string {
  return PREFIX + toBase64Url(JSON.stringify(keptView(state)));
}

/** A grouping read from a link; anything else is no grouping. */
function readGrouping(value: unknown): ViewState['grouping'] {
  const g = value as Partial<ViewState['grouping']> | undefined;
  const toggled = Array.isArray(g?.toggled)
    ? g.toggled.filter((k): k is string => typeof k === 'string')
    : [];
  return g?.mode === 'grouped' || g?.mode === 'open' ? { mode: g.mode, toggled } : EMPTY_VIEW.grouping;
}

/** A layout read from a link; anything else is the force layout. */
function readLayout(value: unknown): ViewState['layout'] {
  const l = value as { kind?: unknown; centre?: unknown } | undefined;
  if (l?.kind === 'organigram' || l?.kind === 'time') return { kind: l.kind };
  if (l?.kind === 'radial' && typeof l.centre === 'string' && l.centre !== '')
    return { kind: 'radial', centre: l.centre };
  return EMPTY_VIEW.layout;
}

/** Hidden columns read from a link; anything unreadable hides none. */
function readHiddenColumns(value: unknown): ViewState['hiddenColumns'] {
  const v = value as { entities?: unknown; links?: unknown } | undefined;
  const keys = (list: unknown) =>
    Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
  return { entities: keys(v?.entities), links: keys(v?.links) };
}

/** The view state in a hash, or null when there is none or it cannot be read. */
export function decodeView(hash: string): ViewState | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const parsed = JSON.parse(fromBase64Url(hash.slice(PREFIX.length))) as Partial<ViewState>;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.loads)) return null;
    return viewFromKept(parsed);
  } catch {
    return null;
  }
}

/** A whole view state from what `keptView` kept (a link's, a saved view's), defaults for the rest. */
export function viewFromKept(kept: Partial<ViewState>): ViewState {
  return {
    ...EMPTY_VIEW,
    ...kept,
    filters: { ...EMPTY_VIEW.filters, ...(kept.filters ?? {}) },
    grouping: readGrouping(kept.grouping),
    layout: readLayout(kept.layout),
    hiddenColumns: readHiddenColumns(kept.hiddenColumns),
    highlight: null,
    removed: [],
  };
}
