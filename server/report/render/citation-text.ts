/** Citations as plain text, shared by the renderers: markers and the annex's reference lines. */
import type { Citation, CitedRecord, Sentence } from '../types.ts';

/** "[3][7]" after a sentence, or nothing when it cites nothing. */
export function citeMarks(cites: readonly number[]): string {
  return cites.map((n) => `[${n}]`).join('');
}

/** A sentence with its markers. */
export function sentenceText(s: Sentence): string {
  return s.cites.length ? `${s.text} ${citeMarks(s.cites)}` : s.text;
}

/** One record as the annex lists it: id, what it is, grade and sources. */
export function recordText(r: CitedRecord): string {
  const what = r.name ? `${r.label} "${r.name}"` : r.label;
  const grade = r.grade ? `grade ${r.grade} (${r.gradeScheme ?? 'unknown scheme'})` : 'ungraded';
  const sources = r.sources.length ? `sources ${r.sources.join(', ')}` : 'no source';
  return `${r.id}: ${what}; ${grade}; ${sources}${r.handling ? `; ${r.handling}` : ''}`;
}

/** The tail of a citation with more records than listed. */
export function moreText(c: Citation): string {
  return c.more > 0 ? `and ${c.more} more records` : '';
}
