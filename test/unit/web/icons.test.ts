import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../web/src/api/vocabulary.ts';
import { iconOf, iconPath, iconTint, iconType } from '../../../web/src/graph/icons.ts';

describe('icons by entity type', () => {
  it('has one distinct icon for every entity type, and reads the type back from it', () => {
    const urls = ENTITY_TYPES.map((type) => iconOf(type));
    for (const [i, url] of urls.entries()) {
      expect(url).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
      expect(iconType(url)).toBe(ENTITY_TYPES[i]);
      expect(iconPath(ENTITY_TYPES[i] as string)).toMatch(/^M/);
    }
    expect(new Set(urls).size).toBe(ENTITY_TYPES.length);
    expect(iconOf('Group')).toBeNull();
    expect(iconType('data:image/png;base64,')).toBeNull();
  });

  it('tints an icon white on a dark fill and near-black on a light one', () => {
    expect(iconTint('#2f6fdf')).toBe('#ffffff');
    expect(iconTint('#111111')).toBe('#ffffff');
    expect(iconTint('#c9ced6')).toBe('#1b1f24');
    expect(iconTint('#ffffff')).toBe('#1b1f24');
  });
});
