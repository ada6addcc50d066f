import { z } from 'zod';

/**
 * The one place that reads environment variables. Every other module receives
 * a validated `Config`, so a bad value fails at start with the variable's name
 * instead of surfacing later as an odd runtime error.
 */

const booleanString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const memorySize = z.string().regex(/^\d+[kmgKMG]$/, 'expected a size such as 512m or 1g');

const port = z.coerce.number().int().min(0).max(65535);

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `3600s`, `90m`, `24h` or `7d`, read as seconds. */
const duration = (fallback: string) =>
  z
    .string()
    .regex(/^\d+[smhd]$/, 'expected a duration such as 3600s, 90m, 24h or 7d')
    .default(fallback)
    .transform((value) => Number(value.slice(0, -1)) * SECONDS_PER_UNIT[value.at(-1) as keyof typeof SECONDS_PER_UNIT]);

/** An origin exactly as a browser sends it in `Origin`: scheme, host and port, no path, no trailing slash. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Comma-separated origins, or `*` for any origin (never with credentials). */
const originList = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (origin !== '*' && !isOrigin(origin))
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(origin)} is not an origin such as https://newsroom.example (scheme, host and port only)` });
  }
  return origins;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEWSGRAPH_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('password'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  NEO4J_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
  NEO4J_MAX_CONCURRENT_WRITES: z.coerce.number().int().min(1).max(500).default(16),

  NEWSGRAPH_DATA_DIR: z.string().min(1).default('.data'),
  NEWSGRAPH_EMBEDDED_PORT: port.default(7687),
  NEWSGRAPH_EMBEDDED_HEAP: memorySize.default('1g'),
  NEWSGRAPH_EMBEDDED_PAGECACHE: memorySize.default('512m'),
  NEWSGRAPH_LOAD_SEED: booleanString.default(true),
  JAVA_HOME: z.string().optional(),

  NEWSGRAPH_CORENLP_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'expected an http:// or https:// URL such as http://127.0.0.1:9000')
    .optional(),
  NEWSGRAPH_CORENLP_HEAP: memorySize.default('4g'),
  NEWSGRAPH_CORENLP_START_TIMEOUT_MS: z.coerce.number().int().min(1000).max(1_800_000).default(180_000),
  NEWSGRAPH_CORENLP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),

  NEWSGRAPH_API_KEYS: z.string().optional(),
  NEWSGRAPH_ANONYMOUS_READ: booleanString.default(true),
  NEWSGRAPH_JWT_SECRET: z.string().min(32, 'an HS256 secret needs at least 32 characters').optional(),
  NEWSGRAPH_JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { message: 'expected an RS256 public key in PEM form' }).optional(),
  NEWSGRAPH_JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  NEWSGRAPH_JWT_ISSUER: z.string().min(1).optional(),
  NEWSGRAPH_JWT_AUDIENCE: z.string().min(1).optional(),
  NEWSGRAPH_JWT_MAX_AGE: duration('24h').pipe(
    z
      .number()
      .min(60, 'at least 60s')
      .max(366 * 86_400, 'at most 366d'),
  ),
  NEWSGRAPH_CORS_ORIGINS: originList.optional(),
  NEWSGRAPH_INTROSPECTION: booleanString.optional(),
  NEWSGRAPH_GRAPHIQL: booleanString.optional(),
  NEWSGRAPH_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  NEWSGRAPH_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(10),
  NEWSGRAPH_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  NEWSGRAPH_MAX_TOKENS: z.coerce.number().int().min(50).max(100_000).default(2000),
  NEWSGRAPH_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  NEWSGRAPH_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  NEWSGRAPH_MAX_COST_ANONYMOUS: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
  NEWSGRAPH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  NEWSGRAPH_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).max(1_000_000).default(120),
  NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  NEWSGRAPH_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  NEWSGRAPH_RATE_LIMIT_COST_UNIT: z.coerce.number().int().min(0).max(10_000_000).default(1000),

  NEWSGRAPH_CHANGES_RETENTION: duration('7d').pipe(
    z
      .number()
      .min(60, 'at least 60s')
      .max(3660 * 86_400, 'at most 3660d'),
  ),
  NEWSGRAPH_CHANGES_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'expected a redis:// or rediss:// URL such as redis://127.0.0.1:6379')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  /** shutdownGraceMs: how long a shutdown waits for the requests in flight. */
  http: { port: number; host: string; shutdownGraceMs: number };
  logLevel: Env['LOG_LEVEL'];
  neo4j: {
    /** Absent means: start the embedded Neo4j. */
    uri?: string;
    username: string;
    password: string;
    database: string;
    queryTimeoutMs: number;
    connectionTimeoutMs: number;
    maxConcurrentWrites: number;
  };
  embedded: { dataDir: string; port: number; heap: string; pageCache: string; javaHome?: string };
  /**
   * The CoreNLP service behind extraction. Absent url means: build and start the local one (tools/corenlp) on
   * first use, with this heap; requestTimeoutMs bounds one annotation, queueing in the service included.
   */
  nlp: { url?: string; heap: string; startTimeoutMs: number; requestTimeoutMs: number; javaHome?: string };
  loadSeed: boolean;
  security: SecurityConfig;
  /**
   * The change feed (docs/change-feed.md): how long events are kept (s), how often an instance with subscribers
   * reads the feed's head (ms), and the Redis that wakes other instances at once (optional: polling alone works).
   */
  changes: { retentionSeconds: number; pollMs: number; redisUrl?: string };
}

export type Role = 'reader' | 'editor' | 'admin';

export interface SecurityConfig {
  /** Keys by role, as given; the auth module hashes them and never keeps the plain text around. */
  apiKeys: Array<{ role: Role; key: string }>;
  anonymousRead: boolean;
  /** maxAgeSeconds: the longest lifetime (exp - iat, or exp - now without iat) a token may have. */
  jwt?: { secret?: string; publicKey?: string; roleClaim: string; issuer?: string; audience?: string; maxAgeSeconds: number };
  /** Origins that get CORS headers (never Allow-Credentials); empty means same-origin only. */
  corsOrigins: string[];
  introspection: boolean;
  graphiql: boolean;
  maxBodyBytes: number;
  /**
   * cost / anonymousCost: the estimated cost a request may have (src/schema/support/cost-model.ts), for callers with a
   * key or token / without; requestTimeoutMs: the time budget of a query's execution; statementTimeoutMs: the
   * executor's default transaction timeout (NEO4J_QUERY_TIMEOUT_MS), which the request budget only ever shortens.
   */
  limits: {
    depth: number;
    aliases: number;
    tokens: number;
    directives: number;
    cost: number;
    anonymousCost: number;
    requestTimeoutMs: number;
    statementTimeoutMs: number;
  };
  /**
   * Requests per minute per client (0: no limit), a request counting once more per costUnit of its estimated cost
   * (0: once whatever its cost); trustedProxyHops: reverse proxies whose X-Forwarded-For is believed.
   */
  rateLimit: { anonymousPerMinute: number; authenticatedPerMinute: number; trustedProxyHops: number; costUnit: number };
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings come from `FOO=` lines in .env files; treat them as unset.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const apiKeys = parseApiKeys(e.NEWSGRAPH_API_KEYS);
  const production = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, shutdownGraceMs: e.NEWSGRAPH_SHUTDOWN_GRACE_MS },
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
      maxConcurrentWrites: e.NEO4J_MAX_CONCURRENT_WRITES,
    },
    embedded: {
      dataDir: e.NEWSGRAPH_DATA_DIR,
      port: e.NEWSGRAPH_EMBEDDED_PORT,
      heap: e.NEWSGRAPH_EMBEDDED_HEAP,
      pageCache: e.NEWSGRAPH_EMBEDDED_PAGECACHE,
      javaHome: e.JAVA_HOME,
    },
    nlp: {
      url: e.NEWSGRAPH_CORENLP_URL,
      heap: e.NEWSGRAPH_CORENLP_HEAP,
      startTimeoutMs: e.NEWSGRAPH_CORENLP_START_TIMEOUT_MS,
      requestTimeoutMs: e.NEWSGRAPH_CORENLP_REQUEST_TIMEOUT_MS,
      javaHome: e.JAVA_HOME,
    },
    loadSeed: e.NEWSGRAPH_LOAD_SEED,
    changes: { retentionSeconds: e.NEWSGRAPH_CHANGES_RETENTION, pollMs: e.NEWSGRAPH_CHANGES_POLL_MS, redisUrl: e.REDIS_URL },
    security: {
      apiKeys,
      anonymousRead: e.NEWSGRAPH_ANONYMOUS_READ,
      jwt:
        e.NEWSGRAPH_JWT_SECRET || e.NEWSGRAPH_JWT_PUBLIC_KEY
          ? {
              secret: e.NEWSGRAPH_JWT_SECRET,
              publicKey: e.NEWSGRAPH_JWT_PUBLIC_KEY,
              roleClaim: e.NEWSGRAPH_JWT_ROLE_CLAIM,
              issuer: e.NEWSGRAPH_JWT_ISSUER,
              audience: e.NEWSGRAPH_JWT_AUDIENCE,
              maxAgeSeconds: e.NEWSGRAPH_JWT_MAX_AGE,
            }
          : undefined,
      corsOrigins: e.NEWSGRAPH_CORS_ORIGINS ?? [],
      // Off by default in production: a public server should not hand out its schema or a playground.
      introspection: e.NEWSGRAPH_INTROSPECTION ?? !production,
      graphiql: e.NEWSGRAPH_GRAPHIQL ?? !production,
      maxBodyBytes: e.NEWSGRAPH_MAX_BODY_BYTES,
      limits: {
        depth: e.NEWSGRAPH_MAX_DEPTH,
        aliases: e.NEWSGRAPH_MAX_ALIASES,
        tokens: e.NEWSGRAPH_MAX_TOKENS,
        directives: e.NEWSGRAPH_MAX_DIRECTIVES,
        cost: e.NEWSGRAPH_MAX_COST,
        // Anonymous callers never get a larger budget than callers with a key.
        anonymousCost: Math.min(e.NEWSGRAPH_MAX_COST_ANONYMOUS, e.NEWSGRAPH_MAX_COST),
        requestTimeoutMs: e.NEWSGRAPH_REQUEST_TIMEOUT_MS,
        statementTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      },
      rateLimit: {
        anonymousPerMinute: e.NEWSGRAPH_RATE_LIMIT_ANONYMOUS,
        authenticatedPerMinute: e.NEWSGRAPH_RATE_LIMIT_AUTHENTICATED,
        trustedProxyHops: e.NEWSGRAPH_TRUSTED_PROXY_HOPS,
        costUnit: e.NEWSGRAPH_RATE_LIMIT_COST_UNIT,
      },
    },
  };
}

const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];
const MIN_KEY_LENGTH = 16;

/** `role:key,role:key`; the error names the variable and the entry's position, never the key itself. */
function parseApiKeys(value: string | undefined): Array<{ role: Role; key: string }> {
  if (!value) return [];
  return value.split(',').map((entry, index) => {
    const separator = entry.indexOf(':');
    const role = entry.slice(0, separator).trim();
    const key = entry.slice(separator + 1).trim();
    if (separator < 0 || !(ROLES as readonly string[]).includes(role)) {
      throw new ConfigError([`NEWSGRAPH_API_KEYS: entry ${index + 1} must be role:key with role one of ${ROLES.join(', ')}`]);
    }
    if (key.length < MIN_KEY_LENGTH) throw new ConfigError([`NEWSGRAPH_API_KEYS: entry ${index + 1} has a key shorter than ${MIN_KEY_LENGTH} characters`]);
    return { role: role as Role, key };
  });
}
