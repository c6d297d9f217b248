import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('defaults to the local Neo4j under .data and port 8080', () => {
    const config = loadConfig({}, '/srv/ariadne');
    expect(config).toMatchObject({
      home: '/srv/ariadne/.data',
      neo4j: undefined,
      port: 8080,
      localNeo4jPort: 7687,
      localNeo4jHeap: '2g',
      localNeo4jPageCache: '512m',
    });
  });

  it('sizes the local Neo4j page cache from ARIADNE_NEO4J_PAGECACHE', () => {
    expect(loadConfig({ ARIADNE_NEO4J_PAGECACHE: '2g' }).localNeo4jPageCache).toBe('2g');
  });

  it('uses a Neo4j of the user own when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
      NEO4J_DATABASE: 'cases',
    });
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'u',
      password: 'p',
      database: 'cases',
    });
  });

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI: must start with one of neo4j:\/\//],
    [{ PORT: 'eighty' }, /PORT: must be a whole number from 1 to 65535/],
    [{ PORT: '70000' }, /PORT: must be a whole number from 1 to 65535/],
    [{ NEO4J_DATABASE: 'Bad Name!' }, /NEO4J_DATABASE: must be a Neo4j database name/],
    [{ ARIADNE_NEO4J_PAGECACHE: 'lots' }, /ARIADNE_NEO4J_PAGECACHE: must be a size such as 1g or 768m/],
    [{ NEO4J_PASSWORD: 'secret' }, /NEO4J_USER\/NEO4J_PASSWORD are set but NEO4J_URI is not/],
  ])('rejects %o with a message that names the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
