import { z } from 'zod';

/**
 * The one place that reads environment variables. Every other module receives
 * a validated `Config`, so a bad value fails at start with the variable's name
 * instead of surfacing later as an odd runtime error.
 */

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const memorySize = z
  .string()
  .regex(/^\d+[kmgKMG]$/, 'expected a size such as 512m or 1g');

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
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

  NEWSGRAPH_DATA_DIR: z.string().min(1).default('.data'),
  NEWSGRAPH_EMBEDDED_PORT: port.default(7687),
  NEWSGRAPH_EMBEDDED_HEAP: memorySize.default('1g'),
  NEWSGRAPH_EMBEDDED_PAGECACHE: memorySize.default('512m'),
  NEWSGRAPH_LOAD_SEED: booleanString.default(true),
  JAVA_HOME: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  http: { port: number; host: string };
  logLevel: Env['LOG_LEVEL'];
  neo4j: {
    /** Absent means: start the embedded Neo4j. */
    uri?: string;
    username: string;
    password: string;
    database: string;
    queryTimeoutMs: number;
    connectionTimeoutMs: number;
  };
  embedded: { dataDir: string; port: number; heap: string; pageCache: string; javaHome?: string };
  loadSeed: boolean;
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
  return {
    nodeEnv: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
    },
    embedded: {
      dataDir: e.NEWSGRAPH_DATA_DIR,
      port: e.NEWSGRAPH_EMBEDDED_PORT,
      heap: e.NEWSGRAPH_EMBEDDED_HEAP,
      pageCache: e.NEWSGRAPH_EMBEDDED_PAGECACHE,
      javaHome: e.JAVA_HOME,
    },
    loadSeed: e.NEWSGRAPH_LOAD_SEED,
  };
}
