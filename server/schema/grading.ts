/**
 * Source and information grading, each in its own scheme: Europol 4x4 (Regulation 2016/794, Art. 29),
 * UK 3x5x2 and NATO Admiralty. Grades are never converted between schemes or merged into one score:
 * an analyst filtering "only sources A or B" filters within the scheme the grade was given in.
 */
import type { GradingScheme } from './model.ts';

/** The shape of a grade in each scheme. */
export const GRADE_PATTERNS: Readonly<Record<GradingScheme, RegExp>> = {
  europol: /^[ABCX][1-4]$/,
  uk: /^[1-3][A-E][PC]$/,
  admiralty: /^[A-F][1-6]$/,
};

/** A grade taken apart: source reliability, information assessment and (UK only) the handling code. */
export type ParsedGrade = {
  scheme: GradingScheme;
  source: string;
  information: string;
  handling?: 'P' | 'C';
};

/** Source reliability values, most reliable first (the order meetsMinimumSource relies on). */
export const SOURCE_RELIABILITY: Readonly<Record<GradingScheme, Readonly<Record<string, string>>>> = {
  europol: {
    A: 'no doubt about authenticity, trustworthiness and competence, or reliable in all instances',
    B: 'reliable in most instances',
    C: 'unreliable in most instances',
    X: 'reliability cannot be assessed',
  },
  uk: { '1': 'reliable', '2': 'untested', '3': 'not reliable' },
  admiralty: {
    A: 'completely reliable',
    B: 'usually reliable',
    C: 'fairly reliable',
    D: 'not usually reliable',
    E: 'unreliable',
    F: 'reliability cannot be judged',
  },
};

/** Information assessment values per scheme. */
export const INFORMATION_ASSESSMENT: Readonly<Record<GradingScheme, Readonly<Record<string, string>>>> = {
  europol: {
    '1': 'accuracy not in doubt',
    '2': 'known personally to the source but not to the official passing it on',
    '3': 'not known personally to the source but corroborated by information already recorded',
    '4': 'not known personally to the source and cannot be corroborated',
  },
  uk: {
    A: 'known directly',
    B: 'known indirectly and corroborated',
    C: 'known indirectly',
    D: 'not known',
    E: 'suspected to be false',
  },
  admiralty: {
    '1': 'confirmed by other sources',
    '2': 'probably true',
    '3': 'possibly true',
    '4': 'doubtful',
    '5': 'improbable',
    '6': 'truth cannot be judged',
  },
};

const UK_HANDLING: Readonly<Record<'P' | 'C', string>> = {
  P: 'lawful sharing permitted',
  C: 'lawful sharing permitted subject to conditions',
};

const EXAMPLES: Readonly<Record<GradingScheme, string>> = {
  europol: 'source A, B, C or X then information 1-4, e.g. "B2" (there is no D)',
  uk: 'source 1-3, intelligence A-E and handling P or C, e.g. "2BP"',
  admiralty: 'source A-F then information 1-6, e.g. "C3"',
};

/** Checks a grade against its scheme; returns a message saying what is wrong and the right form, or undefined. */
export function checkGrade(grade: string, scheme: GradingScheme): string | undefined {
  if (GRADE_PATTERNS[scheme].test(grade)) return undefined;
  const fits = (Object.keys(GRADE_PATTERNS) as GradingScheme[]).filter((other) =>
    GRADE_PATTERNS[other].test(grade),
  );
  const hint =
    fits.length > 0
      ? `; it would fit the ${fits.join(' or ')} scheme: set "gradeScheme" if that is meant`
      : '';
  return `${JSON.stringify(grade)} is not a grade in the ${scheme} scheme: use ${EXAMPLES[scheme]}${hint}`;
}

/** Takes a grade apart in its own scheme; throws a RangeError explaining the right form when it does not fit. */
export function parseGrade(grade: string, scheme: GradingScheme): ParsedGrade {
  const problem = checkGrade(grade, scheme);
  if (problem !== undefined) throw new RangeError(problem);
  if (scheme === 'uk') {
    return { scheme, source: grade[0] ?? '', information: grade[1] ?? '', handling: grade[2] as 'P' | 'C' };
  }
  return { scheme, source: grade[0] ?? '', information: grade[1] ?? '' };
}

/** Puts a grade into words, e.g. "B2 (Europol): source reliable in most instances; information known personally...". */
export function describeGrade(grade: string, scheme: GradingScheme): string {
  const parsed = parseGrade(grade, scheme);
  const name = { europol: 'Europol 4x4', uk: 'UK 3x5x2', admiralty: 'NATO Admiralty' }[scheme];
  const source = SOURCE_RELIABILITY[scheme][parsed.source];
  const information = INFORMATION_ASSESSMENT[scheme][parsed.information];
  const parts = [
    `source ${parsed.source}: ${source}`,
    `${scheme === 'uk' ? 'intelligence' : 'information'} ${parsed.information}: ${information}`,
  ];
  if (parsed.handling !== undefined)
    parts.push(`handling ${parsed.handling}: ${UK_HANDLING[parsed.handling]}`);
  return `${grade} (${name}): ${parts.join('; ')}`;
}

/**
 * Tells whether a grade's source is at least as reliable as `minimum` in the same scheme ("only sources A
 * or B" is minimum "B"; UK "2" accepts 1 and 2). Ungraded or malformed grades never meet a minimum.
 * Throws a RangeError when `minimum` is not a source value of the scheme, since that is a caller's mistake.
 */
export function meetsMinimumSource(
  grade: string | undefined,
  scheme: GradingScheme,
  minimum: string,
): boolean {
  const order = Object.keys(SOURCE_RELIABILITY[scheme]);
  const limit = order.indexOf(minimum);
  if (limit === -1) {
    throw new RangeError(
      `${JSON.stringify(minimum)} is not a ${scheme} source value: use one of ${order.join(', ')}`,
    );
  }
  if (grade === undefined || checkGrade(grade, scheme) !== undefined) return false;
  const rank = order.indexOf(grade[0] ?? '');
  return rank !== -1 && rank <= limit;
}
