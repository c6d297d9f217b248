/**
 * `/api/notes`: analysts' notes about entities, links and saved views. A target the caller may not
 * see is the same 404 as a missing id; a note's handling code is never below its target's and is one
 * the caller holds (400 naming `body.handling` and the codes allowed).
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ, WRITE } from '../../auth/roles.ts';
import {
  NoteCreateSchema,
  NoteListSchema,
  NoteSchema,
  NotesQuerySchema,
  NoteTargetsSchema,
} from '../../schema/api/notes.ts';
import { createNote, listNoteTargets, listNotes, type NoteRefusal } from '../../store/notes.ts';
import type { Store } from '../../store/store.ts';
import { outcomeOf, route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

const TAGS = ['notes'];
const NOT_FOUND = 'No such record';

/** What the notes router needs. */
export interface NotesDeps {
  store: Store;
}

function refusalError(refusal: NoteRefusal): HttpError {
  if (refusal.refused === 'not-found') return new HttpError(404, NOT_FOUND);
  const choose =
    refusal.allowed.length > 0 ? `use one of ${refusal.allowed.join(', ')}` : 'you hold no code that high';
  const message =
    refusal.refused === 'below-target'
      ? `the record the note is about is handled as ${refusal.minimum}, and a note's handling is never lower: ${choose}`
      : `you do not hold this code, so the note would be hidden from you: ${choose}`;
  return new HttpError(400, 'Invalid request', [{ field: 'body.handling', message }]);
}

/** The notes router. */
export function notesRouter({ store }: NotesDeps): Router {
  const router = Router();

  route(
    router,
    {
      method: 'post',
      path: '/api/notes',
      summary:
        'Write a note about an entity, link or saved view you may see, under a handling code you hold ' +
        "and not lower than the record's",
      tags: TAGS,
      roles: WRITE,
      body: NoteCreateSchema,
      audit: 'notes.create',
      responses: {
        201: { description: 'The note', schema: NoteSchema },
        400: { description: "The handling code is below the record's, or one you do not hold" },
        404: { description: 'No such record, or not one you may see' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const made = await createNote(store, clearanceOf(viewer), viewer.username, body);
      if ('refused' in made) {
        const error = refusalError(made);
        const parameters = { handling: body.handling };
        await audit({
          action: 'notes.create',
          targets: [],
          about: [body.target],
          parameters,
          outcome: outcomeOf(error.status),
        });
        throw error;
      }
      await audit({
        action: 'notes.create',
        targets: [made.id],
        about: [made.target, made.id],
        parameters: { handling: made.handling, targetKind: made.targetKind },
        outcome: 'ok',
      });
      res.status(201);
      return made;
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/notes',
      summary: 'The notes you may see about one record you may see, oldest first',
      tags: TAGS,
      roles: READ,
      query: NotesQuerySchema,
      audit: 'notes.list',
      about: ({ query }) => [String(query.target ?? '')].filter((id) => id !== ''),
      responses: {
        200: { description: 'The notes', schema: NoteListSchema },
        404: { description: 'No such record, or not one you may see' },
      },
    },
    async ({ query, viewer }) => {
      const notes = await listNotes(store, clearanceOf(viewer), viewer.username, query.target);
      if (notes === null) throw new HttpError(404, NOT_FOUND);
      return { target: query.target, notes };
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/notes/targets',
      summary: 'The records you may see that carry notes you may see, with how many (for badges)',
      tags: TAGS,
      roles: READ,
      audit: 'notes.targets',
      responses: { 200: { description: 'The records with notes', schema: NoteTargetsSchema } },
    },
    ({ viewer }) => listNoteTargets(store, clearanceOf(viewer), viewer.username),
  );

  return router;
}
