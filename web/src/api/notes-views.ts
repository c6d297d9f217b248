/** Notes and saved views over HTTP; the shapes are the server's zod-inferred types. */
import type { Note, NoteCreate, NoteList, NoteTargets } from '../../../server/schema/api/notes.ts';
import type { SavedView, ViewList, ViewWrite } from '../../../server/schema/api/views.ts';
import { getJson, postJson, queryString, requestJson } from '../lib/http.ts';

/** The notes about a record that the user may see, oldest first. */
export function fetchNotes(target: string): Promise<NoteList> {
  return getJson<NoteList>(`/api/notes${queryString({ target })}`);
}

/** Writes a note. */
export function addNote(note: NoteCreate): Promise<Note> {
  return postJson<Note>('/api/notes', note);
}

/** The records carrying notes the user may see, for the canvas's badges. */
export function fetchNoteTargets(): Promise<NoteTargets> {
  return getJson<NoteTargets>('/api/notes/targets');
}

/** The views the user owns or is shared. */
export function fetchViews(): Promise<ViewList> {
  return getJson<ViewList>('/api/views');
}

/** One view, cut to what the user may see. */
export function fetchView(id: string): Promise<SavedView> {
  return getJson<SavedView>(`/api/views/${encodeURIComponent(id)}`);
}

/** Saves a new view. */
export function saveView(view: ViewWrite): Promise<SavedView> {
  return postJson<SavedView>('/api/views', view);
}

/** Deletes a view the user owns. */
export function deleteView(id: string): Promise<void> {
  return requestJson<void>('DELETE', `/api/views/${encodeURIComponent(id)}`);
}
