import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';

export interface DriverTarget {
  uri: string;
  username: string;
  password: string;
}

/**
 * Short connection and retry budgets: when the database is down, requests
 * should fail in seconds with DATABASE_UNAVAILABLE rather than hang.
 */
export function createDriver(target: DriverTarget, neo4jConfig: Config['neo4j']): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    disableLosslessIntegers: true,
    connectionTimeout: neo4jConfig.connectionTimeoutMs,
    connectionAcquisitionTimeout: neo4jConfig.connectionTimeoutMs + 2000,
    maxTransactionRetryTime: Math.max(1000, neo4jConfig.connectionTimeoutMs),
    maxConnectionPoolSize: 50,
    userAgent: 'newsgraph',
  });
}
