/**
 * The provenance block carried by every entity and link: where a fact came from (sources), how far it
 * can be trusted (a grade in its own scheme), who may use it and how (handling code, owner restriction),
 * and when it was seen and stored.
 */
import { z } from 'zod';
import {
  dateField,
  enumField,
  codeField,
  idField,
  listField,
  nameField,
  textField,
  expecting,
} from './fields.ts';
import { checkGrade } from './grading.ts';
import { GRADING_SCHEMES, type GradingScheme, HANDLING_CODES, type HandlingCode } from './model.ts';

/** What each EU handling code means, for labels and reports. */
export const HANDLING_DESCRIPTIONS: Readonly<Record<HandlingCode, string>> = {
  H0: 'use only to prevent and combat crime',
  H1: 'not to be used in judicial proceedings without the permission of the provider',
  H2: 'not to be disseminated without the permission of the provider',
  H3: 'other restrictions (see the handling condition)',
};

/** The fix for a record that has no source, named in the issue. */
export const MISSING_SOURCES_MESSAGE =
  'every record needs at least one source: add "sources": ["<Source id>"] to the record, or pass --source <id> for the whole file';

/** The fix for a record that has no handling code, named in the issue. */
export const MISSING_HANDLING_MESSAGE =
  'every record needs a handling code (H0, H1, H2 or H3): add "handling" to the record, or pass --handling <code> for the whole file';

const ANY_GRADE = /^([ABCX][1-4]|[1-3][A-E][PC]|[A-F][1-6])$/;

const gradeField = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z
      .string({ error: expecting('a grade such as "B2"') })
      .regex(
        /^([ABCX][1-4]|[1-3][A-E][PC]|[A-F][1-6])$/,
        'is not a grade in any scheme: use e.g. "B2" (Europol), "2BP" (UK) or "C3" (Admiralty)',
      ),
  )
  .meta({ description: 'Grade in its own scheme: europol "B2", uk "2BP", admiralty "C3"' });

/** The provenance fields, to spread into every entity and link shape. */
export const provenanceShape = {
  sources: listField(idField, { what: 'a list of Source ids', required: MISSING_SOURCES_MESSAGE }).meta({
    description: 'Ids of the Source entities the fact came from',
  }),
  grade: gradeField.optional(),
  gradeScheme: enumField(GRADING_SCHEMES).optional(),
  handling: codeField(HANDLING_CODES, MISSING_HANDLING_MESSAGE),
  handlingCondition: textField.optional(),
  restrictedTo: listField(nameField, { what: 'a list of agency names' }).optional(),
  firstSeen: dateField.optional(),
  lastSeen: dateField.optional(),
  createdAt: dateField.optional(),
  updatedAt: dateField.optional(),
  createdBy: idField.optional(),
};

type Issue = { path: string[]; message: string };

/**
 * Rules across provenance fields, written against unknown values because they also run when other
 * fields failed (so a record's every problem is reported in one pass).
 */
export function checkProvenanceRules(record: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const { grade, gradeScheme, handling, handlingCondition, firstSeen, lastSeen } = record;
  // A grade that fits no scheme at all is already reported by the grade field itself.
  if (typeof grade === 'string' && ANY_GRADE.test(grade)) {
    const scheme: GradingScheme = GRADING_SCHEMES.includes(gradeScheme as GradingScheme)
      ? (gradeScheme as GradingScheme)
      : 'europol';
    const problem = checkGrade(grade, scheme);
    if (problem !== undefined) issues.push({ path: ['grade'], message: problem });
  }
  if (handling === 'H3' && (typeof handlingCondition !== 'string' || handlingCondition === '')) {
    issues.push({
      path: ['handlingCondition'],
      message:
        'handling H3 needs its condition: add "handlingCondition" with the restriction in words, or pass --handling-condition',
    });
  }
  if (
    typeof firstSeen === 'string' &&
    typeof lastSeen === 'string' &&
    firstSeen.slice(0, 10) > lastSeen.slice(0, 10)
  ) {
    issues.push({
      path: ['lastSeen'],
      message: `lastSeen ${lastSeen} is before firstSeen ${firstSeen}: swap them or correct one`,
    });
  }
  return issues;
}

/** The provenance block on its own, with its cross-field rules (grade in scheme, H3 condition). */
export const ProvenanceSchema = z
  .object(provenanceShape)
  .superRefine(
    (value, context) => {
      for (const issue of checkProvenanceRules(value)) context.addIssue({ code: 'custom', ...issue });
    },
    { when: () => true },
  )
  .meta({ id: 'Provenance', description: 'Sources, grade, handling and timestamps of a fact' });
export type Provenance = z.infer<typeof ProvenanceSchema>;
