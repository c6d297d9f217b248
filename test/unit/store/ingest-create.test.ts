import { describe, expect, it } from 'vitest';
import { withCreateFallback } from '../../../server/store/ingest-create.ts';
import { prepareRows } from '../../../server/store/ingest-rows.ts';

const clash = Object.assign(new Error('already exists'), {
  code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
});

describe('withCreateFallback', () => {
  it('writes again with every row MERGEd when the id constraint refuses a CREATE', async () => {
    const attempts: boolean[] = [];
    const result = await withCreateFallback(async (createNew) => {
      attempts.push(createNew);
      if (createNew) throw clash;
      return 'merged';
    });
    expect(result).toBe('merged');
    expect(attempts).toEqual([true, false]);
  });

  it('passes any other failure on without writing again', async () => {
    const attempts: boolean[] = [];
    const failing = withCreateFallback(async (createNew) => {
      attempts.push(createNew);
      throw new Error('connection lost');
    });
    await expect(failing).rejects.toThrow('connection lost');
    expect(attempts).toEqual([true]);
  });
});

describe('prepareRows', () => {
  it('merges the rows of one id and gives each the properties it is created with, but for shared stamps', () => {
    const prepared = prepareRows(
      [
        { id: 'p1', name: 'Anwar', sources: ['s1'] },
        { id: 'p1', gender: 'male', sources: ['s2'] },
        { id: 'p2', sources: ['s1'], createdBy: 'loader' },
      ],
      false,
      { user: 'tester', now: '2026-01-01T00:00:00.000Z' },
    );
    expect(prepared.rows.map((row) => row.id)).toEqual(['p1', 'p2']);
    expect(prepared.created[0]).toMatchObject({
      id: 'p1',
      name: 'Anwar',
      gender: 'male',
      sources: ['s1', 's2'],
      nameKeys: expect.arrayContaining([expect.any(String)]),
    });
    // The batch's time and writer are set by the query; a row's own stamps travel with it.
    expect(prepared.created[0]).not.toHaveProperty('createdAt');
    expect(prepared.created[0]).not.toHaveProperty('createdBy');
    expect(prepared.now).toBe('2026-01-01T00:00:00.000Z');
    expect(prepared.created[1]).toMatchObject({ id: 'p2', createdBy: 'loader' });
    expect(prepared.created[1]).not.toHaveProperty('nameKeys');
  });
});
