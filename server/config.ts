/**
 * Configuration, read once from the environment and validated by zod. A wrong value is an error
 * that names the variable and says what it should look like.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

const ORIGIN_EXAMPLE = 'https://analysis.example.org,https://ops.example.org:8443';

/** One exact browser origin: scheme, host and port only, as a browser sends it in `Origin`. */
const OriginSchema = z.string().superRefine((origin, ctx) => {
  if (origin === '*' || origin.includes('*')) {
    ctx.addIssue({
      code: 'custom',
      message: `"${origin}" is refused: the API sends credentials, so list each origin exactly (e.g. ${ORIGIN_EXAMPLE})`,
    });
    return;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
    ctx.addIssue({
      code: 'custom',
      message: `"${origin}" is not an exact origin (scheme, host and optional port, no path or trailing slash), e.g. ${ORIGIN_EXAMPLE}`,
    });
  }
});

/** A comma-separated list of origins; blanks around commas are ignored. */
const OriginListSchema = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  )
  .pipe(z.array(OriginSchema));

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .refine((v) => NEO4J_SCHEMES.some((s) => v.startsWith(`${s}://`)), {
      message: `must start with one of ${NEO4J_SCHEMES.map((s) => `${s}://`).join(', ')} (e.g. neo4j+s://xxxx.databases.neo4j.io)`,
    })
    .optional(),
  NEO4J_USER: z.string().min(1, 'must not be empty').optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{0,62}$/,
      'must be a Neo4j database name (lower-case letters, digits, dots, dashes)',
    )
    .optional(),
  ARIADNE_HOME: z.string().min(1, 'must be a folder path').optional(),
  PORT: z.coerce
    .number({ message: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1, 'must be a whole number from 1 to 65535')
    .max(65535, 'must be a whole number from 1 to 65535')
    .optional(),
  HOST: z.string().min(1).optional(),
  ARIADNE_NEO4J_PORT: z.coerce
    .number({ message: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1)
    .max(65535)
    .optional(),
  ARIADNE_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'must be a size such as 1g or 768m')
    .optional(),
  ARIADNE_NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/, 'must be a size such as 1g or 768m')
    .optional(),
  ARIADNE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters long').optional(),
  ARIADNE_CORS_ORIGINS: OriginListSchema.optional(),
  ARIADNE_WEBHOOK_HOSTS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^[a-z0-9.-]+(:\d{1,5})?$/,
            'must be host names (with optional ports), e.g. alerts.example.org,10.0.0.5:8443',
          ),
      ),
    )
    .optional(),
});

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface Config {
  /** Where Ariadne keeps the local Neo4j and everything else it keeps. */
  home: string;
  /** A Neo4j server of the user's own; undefined means the local one under `home`. */
  neo4j: Neo4jTarget | undefined;
  port: number;
  host: string;
  localNeo4jPort: number;
  localNeo4jHeap: string;
  /** The local Neo4j's page cache, which holds the store files in memory. */
  localNeo4jPageCache: string;
  adminPassword: string | undefined;
  /** Browser origins allowed to call the API across origins (none by default). */
  corsOrigins: string[];
  /** Hosts (beside loopback) that watches' webhooks may deliver to. */
  webhookHosts: string[];
}

/** A configuration value that is wrong; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `${String(i.path[0])}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (!e.NEO4J_URI && (e.NEO4J_USER || e.NEO4J_PASSWORD)) {
    throw new ConfigError(
      'NEO4J_USER/NEO4J_PASSWORD are set but NEO4J_URI is not: set NEO4J_URI too, or unset them to use the local Neo4j.',
    );
  }
  return {
    home: resolve(cwd, e.ARIADNE_HOME ?? '.data'),
    neo4j: e.NEO4J_URI
      ? {
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER ?? 'neo4j',
          password: e.NEO4J_PASSWORD ?? '',
          database: e.NEO4J_DATABASE,
        }
      : undefined,
    port: e.PORT ?? 8080,
    host: e.HOST ?? '127.0.0.1',
    localNeo4jPort: e.ARIADNE_NEO4J_PORT ?? 7687,
    localNeo4jHeap: e.ARIADNE_NEO4J_HEAP ?? '2g',
    localNeo4jPageCache: e.ARIADNE_NEO4J_PAGECACHE ?? '512m',
    adminPassword: e.ARIADNE_ADMIN_PASSWORD,
    corsOrigins: [...new Set(e.ARIADNE_CORS_ORIGINS ?? [])],
    webhookHosts: [...new Set(e.ARIADNE_WEBHOOK_HOSTS ?? [])],
  };
}
