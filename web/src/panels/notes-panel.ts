/**
 * Notes in the details panel: the notes about one record (an entity, a link, a saved view) that the
 * user may see, oldest first, and a form to add one under a handling code the user holds and not
 * below the record's. The server decides; the form only offers the codes it would accept. All text
 * is set as text. A note added tells the canvas's badges (`NOTES_CHANGED` on document).
 */
import { addNote, fetchNotes } from '../api/notes-views.ts';
import { HANDLING_CODES, type HandlingCode } from '../api/vocabulary.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { handlingBadge } from './grade-badge.ts';

/** The event a new note sends, so that badges follow. */
export const NOTES_CHANGED = 'ariadne:notes-changed';

type NoteItem = Awaited<ReturnType<typeof fetchNotes>>['notes'][number];

function noteItem(note: NoteItem): HTMLElement {
  const when = new Date(note.createdAt).toLocaleString();
  return h(
    'li',
    { class: 'note', 'data-note-id': note.id, 'data-handling': note.handling },
    h('p', { class: 'note-meta' }, handlingBadge(note.handling), ` ${note.author} · ${when}`),
    h('p', { class: 'note-text' }, note.text),
  );
}

/** The codes a note about a record handled as `floor` may carry, of those the user holds. */
export function noteCodes(held: readonly HandlingCode[], floor: string | null): HandlingCode[] {
  const start = floor === null ? 0 : Math.max(0, HANDLING_CODES.indexOf(floor as HandlingCode));
  return HANDLING_CODES.filter((code, i) => i >= start && held.includes(code));
}

/**
 * A section listing the notes about `target` with a form to add one; `floor` is the record's
 * handling code (null for a view). `key` names the section for tests (`notes-<key>`).
 */
export function notesSection(
  target: string,
  floor: string | null,
  workspace: Workspace,
  key = 'entity',
): HTMLElement {
  const list = h('ul', { class: 'notes', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted notes-status' }, 'Loading notes…');
  const codes = noteCodes(workspace.viewer.clearance, floor);
  const text = h('textarea', {
    name: 'text',
    rows: 3,
    maxlength: 10_000,
    'aria-label': 'Note',
    required: true,
  });
  const handling = h(
    'select',
    { name: 'handling', 'aria-label': 'Handling code of the note' },
    ...codes.map((code) => h('option', { value: code }, code)),
  );
  const add = h('button', { type: 'submit' }, 'Add note');
  const form = h('form', { class: 'note-form' }, text, handling, add);
  const canWrite = workspace.viewer.role === 'analyst' || workspace.viewer.role === 'admin';
  if (!canWrite || codes.length === 0) form.hidden = true;

  const section = h(
    'section',
    { class: 'notes-section', id: `notes-${key}`, 'data-state': 'loading' },
    h('h3', {}, 'Notes'),
    status,
    list,
    form,
  );
  const load = async () => {
    section.dataset.state = 'loading';
    try {
      const { notes } = await fetchNotes(target);
      replace(list, ...notes.map(noteItem));
      status.textContent = notes.length === 0 ? 'No notes you may see about this record.' : '';
      section.dataset.state = 'ready';
    } catch (error) {
      status.textContent = `Notes cannot be shown: ${error instanceof Error ? error.message : String(error)}`;
      section.dataset.state = 'failed';
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    add.disabled = true;
    addNote({ target, text: text.value, handling: handling.value as HandlingCode })
      .then(async () => {
        text.value = '';
        await load();
        document.dispatchEvent(new CustomEvent(NOTES_CHANGED));
      })
      .catch((error: unknown) => {
        status.textContent = `The note was not added: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        add.disabled = false;
      });
  });
  void load();
  return section;
}
