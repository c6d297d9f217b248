/**
 * Records for import tests, as an import reads them: every one H0, from `src-1`, graded B2, unless
 * its fields say otherwise.
 */

/** The provenance every record here carries unless its fields change it. */
export const PROVENANCE = { handling: 'H0', sources: ['src-1'], grade: 'B2', gradeScheme: 'europol' };

/** An entity record of `type`. */
export const entity = (type: string, id: string, fields: Record<string, unknown>) => ({
  kind: 'entity',
  type,
  id,
  ...PROVENANCE,
  ...fields,
});

/** A link record of `type` from `source` to `target`. */
export const link = (type: string, source: string, target: string, fields: Record<string, unknown> = {}) => ({
  kind: 'link',
  type,
  source,
  target,
  ...PROVENANCE,
  ...fields,
});
