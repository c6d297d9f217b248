/** Why the store refuses an edit of an entity; the API turns each into its HTTP status. */
import type { RecordIssue } from '../schema/records.ts';

/** The record fails its schema; each issue names the field. */
export class EntityInvalidError extends Error {
  override name = 'EntityInvalidError';
  constructor(readonly issues: RecordIssue[]) {
    super(`The entity is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
}

/** The record would carry a handling code or restriction its author could not see. */
export class ClearanceExceededError extends Error {
  override name = 'ClearanceExceededError';
}

/** An entity with this id exists already. */
export class EntityExistsError extends Error {
  override name = 'EntityExistsError';
}

/** The entity changed since the version the caller read. */
export class VersionMismatchError extends Error {
  override name = 'VersionMismatchError';
  constructor(readonly current: number) {
    super(`The entity is at version ${current}: read it again and reapply the change`);
  }
}

/** A retracted entity is kept as it was withdrawn. */
export class EntityRetractedError extends Error {
  override name = 'EntityRetractedError';
}
