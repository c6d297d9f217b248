import { describe, expect, it } from 'vitest';
import {
  fitGroupLabel,
  groupLabel,
  leastGroupLabel,
  wholeGroupLabel,
} from '../../../web/src/graph/group-labels.ts';

/** Seven pixels a character, as a monospaced font would give. */
const measure = (text: string) => text.length * 7;

describe('group labels', () => {
  it('show the name and the members, cut at a word when long, "Cell: " left out', () => {
    expect(groupLabel('Zuwara syndicate', 120)).toBe('Zuwara syndicate (120)');
    expect(groupLabel('Aegean crossings syndicate', 88)).toBe('Aegean crossing… (88)');
    expect(groupLabel('Cell: Khaled', 9)).toBe('Khaled (9)');
  });

  it('are whole where the room allows, else cut letter by letter with an ellipsis, the count kept', () => {
    expect(fitGroupLabel('Zuwara syndicate', 120, 500, measure)).toBe('Zuwara syndicate (120)');
    const cut = fitGroupLabel('Zuwara syndicate', 120, 91, measure);
    expect(cut).toBe('Zuwara… (120)');
    expect(measure(cut)).toBeLessThanOrEqual(91);
    expect(fitGroupLabel('Cell: Khaled Ibrahim', 9, 77, measure)).toBe('Khaled… (9)');
  });

  it('are never cut below a few letters and the count, however little room there is', () => {
    expect(fitGroupLabel('Aegean crossings syndicate', 88, 10, measure)).toBe('Aeg… (88)');
    expect(leastGroupLabel('Aegean crossings syndicate', 88)).toBe('Aeg… (88)');
    expect(leastGroupLabel('Ali', 2)).toBe('Ali (2)');
  });

  it('show the whole name under the pointer, however long', () => {
    expect(wholeGroupLabel('Cell: Aegean crossings syndicate', 88)).toBe('Aegean crossings syndicate (88)');
  });
});
