/**
 * API payloads of notes: an analyst's text about one record (an entity, a link or a saved view), with
 * its author, time and handling code. A note is a record within need-to-know: its handling is never
 * lower than its target's, and it is visible only to those who may see both.
 */
import { z } from 'zod';
import { HANDLING_CODES } from '../model.ts';

/** The id of the record a note is about. */
const TargetId = z.string().min(1).max(512);

export const NOTE_TEXT_MAX = 10_000;

export const NoteCreateSchema = z
  .strictObject({
    target: TargetId.meta({ description: 'The id of the entity, link or saved view the note is about' }),
    text: z.string().trim().min(1, 'must not be empty').max(NOTE_TEXT_MAX),
    handling: z
      .enum(HANDLING_CODES)
      .meta({ description: "The note's handling code: never lower than its target's, and one you hold" }),
  })
  .meta({ id: 'NoteCreate', description: 'A new note about a record you may see' });
export type NoteCreate = z.infer<typeof NoteCreateSchema>;

export const NOTE_TARGET_KINDS = ['entity', 'link', 'view'] as const;

export const NoteSchema = z
  .object({
    id: z.string(),
    target: z.string(),
    targetKind: z.enum(NOTE_TARGET_KINDS),
    text: z.string(),
    author: z.string(),
    createdAt: z.string(),
    handling: z.enum(HANDLING_CODES),
  })
  .meta({ id: 'Note', description: 'A note about an entity, link or saved view' });
export type Note = z.infer<typeof NoteSchema>;

export const NotesQuerySchema = z.strictObject({
  target: TargetId.meta({ description: 'The id of the record whose notes to list' }),
});

export const NoteListSchema = z
  .object({
    target: z.string(),
    notes: z.array(NoteSchema),
  })
  .meta({ id: 'NoteList', description: 'The notes about one record that you may see, oldest first' });
export type NoteList = z.infer<typeof NoteListSchema>;

/** The most targets `GET /api/notes/targets` lists; `truncated` says when there were more. */
export const NOTE_TARGETS_MAX = 5_000;

export const NoteTargetsSchema = z
  .object({
    targets: z.array(z.object({ id: z.string(), count: z.number().int() })),
    truncated: z.boolean(),
  })
  .meta({
    id: 'NoteTargets',
    description: 'The records you may see that carry notes you may see, each with how many',
  });
export type NoteTargets = z.infer<typeof NoteTargetsSchema>;
