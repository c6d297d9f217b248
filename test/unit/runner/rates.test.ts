import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRateLookup } from '../../../analysis/money/rates.ts';
import { DEFAULT_RATES, loadRates, RatesFileError } from '../../../server/runner/rates.ts';

const folder = mkdtempSync(join(tmpdir(), 'ariadne-rates-'));
const file = (name: string, content: unknown) => {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('the rates table', () => {
  it('converts every currency of the demo case on every date from 2023 to 2025', () => {
    const lookup = createRateLookup(DEFAULT_RATES, 'EUR', 'test');
    for (const currency of ['USD', 'LYD', 'TRY', 'XOF', 'MAD', 'GBP', 'COP'])
      for (const date of ['2023-01-01', '2024-06-15', '2025-12-31'])
        expect(lookup(currency, date)).toBeGreaterThan(0);
    expect(lookup('XOF', '2024-01-01')).toBeCloseTo(1 / 655.957, 8);
  });

  it('is the built-in one unless ARIADNE_RATES_FILE names another', () => {
    expect(loadRates({})).toEqual({ base: 'EUR', rates: DEFAULT_RATES });
  });

  it('is read from ARIADNE_RATES_FILE as a list, or with its base currency', () => {
    const list = [{ currency: 'USD', from: '2024-01-01', rate: 0.9 }];
    expect(loadRates({ ARIADNE_RATES_FILE: file('list.json', list) })).toEqual({ base: 'EUR', rates: list });
    const withBase = { base: 'GBP', source: 'BoE', rates: list };
    expect(loadRates({ ARIADNE_RATES_FILE: file('base.json', withBase) }).base).toBe('GBP');
  });

  it('rejects a file with a bad rate, naming the file and the field', () => {
    const path = file('bad.json', [{ currency: 'USD', from: '2024-01-01', rate: -1 }]);
    expect(() => loadRates({ ARIADNE_RATES_FILE: path })).toThrow(RatesFileError);
    expect(() => loadRates({ ARIADNE_RATES_FILE: path })).toThrow(/bad\.json: 0\.rate/);
    expect(() => loadRates({ ARIADNE_RATES_FILE: file('broken.json', '{') })).toThrow(
      /cannot be read as JSON/,
    );
  });
});
