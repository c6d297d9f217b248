import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { getCase, listCases } from '../../server/store/cases.ts';
import { getEntity } from '../../server/store/entities.ts';
import { GRADE_PATTERNS, meetsMinimumSource, SOURCE_RELIABILITY } from '../../server/schema/grading.ts';
import { GRADING_SCHEMES } from '../../server/schema/model.ts';
import { minimumGradePatterns, searchEntities, suggest } from '../../server/store/search.ts';
import type { Store } from '../../server/store/store.ts';
import { GDF, LOW, loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

const page = { limit: 20, offset: 0 };
const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id);

describe('searchEntities', () => {
  it('finds people by a word of their name, a prefix, or an alias, in any case', async () => {
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'BENALI' }))).toEqual(['p-karim']);
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'bena' }))).toEqual(['p-karim']);
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'abu' }))).toEqual(['p-karim']);
  });

  it('tolerates one typing error in a longer word', async () => {
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'Benalli' }))).toContain('p-karim');
  });

  it('finds every visible name within one edit, however many hidden names are within one edit too', async () => {
    // Lucene's own fuzzy terms keep the 50 best of the whole index: hidden names sorting before the
    // visible one would push it out. 86 hidden H3 names within one edit of "haddad", all before "hiddad".
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const near = [
      ...[...'abcdefgh'].map((x) => `h${x}ddad`),
      ...[...letters].flatMap((x) => [`ha${x}dad`, `had${x}ad`, `hadd${x}d`]),
    ].filter((name) => name !== 'haddad');
    await store.write(
      `CREATE (:Person {id: 'p-hiddad', name: 'Nabil Hiddad', handling: 'H0', sources: ['src-1']})
       WITH 1 AS one UNWIND $near AS name
       CREATE (:Person {id: 'p-near-' + name, name: 'Hidden ' + name, handling: 'H3', sources: ['src-gdf']})`,
      { near },
    );
    try {
      const found = ids(await searchEntities(store, LOW, { ...page, q: 'haddad' }));
      expect(found).toEqual(expect.arrayContaining(['p-samir', 'p-hiddad']));
      expect(found.filter((id) => id.startsWith('p-near-'))).toEqual([]);
    } finally {
      await store.write(
        "MATCH (n:Person) WHERE n.id = 'p-hiddad' OR n.id STARTS WITH 'p-near-' DETACH DELETE n",
      );
    }
  });

  it('finds a document by its number written with separators', async () => {
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'ab 1234567' }))).toEqual(['doc-ly-1']);
  });

  it('filters by type and by case, with a total over all pages', async () => {
    const people = await searchEntities(store, FULL_CLEARANCE, { limit: 2, offset: 0, types: ['Person'] });
    expect(people.total).toBe(5);
    expect(people.items).toHaveLength(2);
    const inCase = await searchEntities(store, FULL_CLEARANCE, { ...page, caseId: 'case-tide' });
    expect(ids(inCase).sort()).toEqual([
      'acct:cm:900',
      'doc-ly-1',
      'p-karim',
      'p-mahmoud',
      'p-samir',
      'vessel-1',
    ]);
  });

  it('pages by offset in a stable order', async () => {
    const all = await searchEntities(store, FULL_CLEARANCE, { limit: 100, offset: 0, sort: 'name' });
    const second = await searchEntities(store, FULL_CLEARANCE, { limit: 3, offset: 3, sort: 'name' });
    expect(ids(second)).toEqual(ids(all).slice(3, 6));
    expect(second.total).toBe(all.total);
  });

  it('keeps records seen within the dates asked for', async () => {
    const since = await searchEntities(store, LOW, { ...page, types: ['Person'], since: '2024-08-01' });
    expect(ids(since)).toEqual(['p-samir']);
    const until = await searchEntities(store, LOW, { ...page, types: ['Person'], until: '2023-12-31' });
    expect(ids(until)).toEqual(['p-karim']);
  });

  it('keeps only sources at least as reliable as asked, each grade in its own scheme', async () => {
    const b = await searchEntities(store, LOW, { ...page, types: ['Person'], minSource: 'B' });
    expect(ids(b).sort()).toEqual(['p-karim', 'p-mahmoud']);
    const uk = await searchEntities(store, LOW, { ...page, types: ['Person'], minSource: 'uk:2' });
    expect(ids(uk)).toEqual(['p-yusuf']);
  });

  it('finds nothing for text without letters or digits, and treats Lucene syntax as words', async () => {
    expect((await searchEntities(store, LOW, { ...page, q: '*:* OR "' })).total).toBe(0);
    expect(ids(await searchEntities(store, LOW, { ...page, q: 'name:karim AND benali~' }))).toEqual([]);
  });
});

describe('minimumGradePatterns', () => {
  it('admits exactly the grades meetsMinimumSource admits, in every scheme', () => {
    const sources = ['A', 'B', 'C', 'D', 'E', 'F', 'X', '1', '2', '3'];
    const infos = ['1', '2', '3', '4', '5', '6', 'A', 'B', 'C', 'D', 'E'];
    const grades = sources.flatMap((s) => infos.flatMap((i) => [`${s}${i}`, `${s}${i}P`, `${s}${i}C`]));
    for (const scheme of GRADING_SCHEMES) {
      for (const minimum of Object.keys(SOURCE_RELIABILITY[scheme])) {
        const pattern = minimumGradePatterns(`${scheme}:${minimum}`)[0]?.pattern ?? '^$';
        const admitted = grades.filter((grade) => new RegExp(pattern).test(grade));
        const expected = grades.filter(
          (g) => GRADE_PATTERNS[scheme].test(g) && meetsMinimumSource(g, scheme, minimum),
        );
        expect(admitted, `${scheme}:${minimum}`).toEqual(expected);
      }
    }
  });
});

describe('suggest', () => {
  it('completes a prefix with names', async () => {
    const { suggestions } = await suggest(store, LOW, 'Sea St');
    expect(suggestions).toEqual([
      { id: 'vessel-1', type: 'Vessel', name: 'Sea Star', birthDate: null, nationalities: [] },
    ]);
  });
});

describe('getEntity', () => {
  it('gives the entity with its label, version, sources and relations grouped by type', async () => {
    const samir = await getEntity(store, LOW, 'p-samir');
    expect(samir).toMatchObject({ id: 'p-samir', type: 'Person', version: 1, retracted: false });
    expect(samir?.properties).toMatchObject({ name: 'Samir Haddad', roles: ['recruiter'], grade: 'C3' });
    expect(samir?.sources).toEqual([
      expect.objectContaining({ id: 'src-1', reference: 'FX-2024-12', grade: 'B2', gradeScheme: 'europol' }),
    ]);
    const groups = samir?.relations.map((g) => [g.type, g.direction, g.count]);
    expect(groups).toEqual([
      ['ASSOCIATE_OF', 'in', 1],
      ['ASSOCIATE_OF', 'out', 1],
      ['HOLDS', 'out', 1],
      ['PART_OF', 'out', 1],
    ]);
  });

  it('is null for an id that does not exist', async () => {
    expect(await getEntity(store, FULL_CLEARANCE, 'nobody')).toBeNull();
  });
});

describe('cases', () => {
  it('lists cases with the counts of their members by type', async () => {
    const [tide] = await listCases(store, GDF);
    expect(tide).toMatchObject({ id: 'case-tide', name: 'Operation Tide', status: 'open' });
    expect(tide?.counts).toEqual({ total: 6, byType: { Person: 3, Account: 1, Document: 1, Vessel: 1 } });
  });

  it('gives one case with its properties', async () => {
    const tide = await getCase(store, LOW, 'case-tide');
    expect(tide?.properties.agencies).toEqual(['Frontex', 'Guardia di Finanza']);
    expect(await getCase(store, LOW, 'p-karim')).toBeNull();
  });

  it('never shows analysis scores on a case, which no run vouches for', async () => {
    await store.write("MATCH (c:Case {id: 'case-tide'}) SET c.a_community = 7, c.a_pagerank = 0.5");
    const tide = await getCase(store, FULL_CLEARANCE, 'case-tide');
    expect(tide?.properties.name).toBeDefined();
    expect(Object.keys(tide?.properties ?? {}).filter((key) => key.startsWith('a_'))).toEqual([]);
  });
});
