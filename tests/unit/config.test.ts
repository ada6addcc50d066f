import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('applies defaults: embedded database, port 4000', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.http.port).toBe(4000);
    expect(config.embedded).toMatchObject({ dataDir: '.data', heap: '1g', pageCache: '512m' });
  });

  it('accepts routing URIs for clusters and Aura', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(loadConfig({ NEO4J_URI: 'neo4j://core1:7687' }).neo4j.uri).toBe('neo4j://core1:7687');
  });

  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEWSGRAPH_EMBEDDED_HEAP: 'lots' })).toThrow(/NEWSGRAPH_EMBEDDED_HEAP/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', NEWSGRAPH_LOAD_SEED: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.split(':')[0]).sort()).toEqual(['NEWSGRAPH_LOAD_SEED', 'PORT']);
    }
  });

  it('reads the JWT lifetime limit as seconds, 24h by default', () => {
    const secret = { NEWSGRAPH_JWT_SECRET: 'a-shared-secret-of-at-least-32-characters!' };
    expect(loadConfig(secret).security.jwt?.maxAgeSeconds).toBe(86_400);
    expect(loadConfig({ ...secret, NEWSGRAPH_JWT_MAX_AGE: '90m' }).security.jwt?.maxAgeSeconds).toBe(5400);
    expect(loadConfig({ ...secret, NEWSGRAPH_JWT_MAX_AGE: '7d' }).security.jwt?.maxAgeSeconds).toBe(604_800);
    expect(() => loadConfig({ NEWSGRAPH_JWT_MAX_AGE: 'forever' })).toThrow(/NEWSGRAPH_JWT_MAX_AGE/);
    expect(() => loadConfig({ NEWSGRAPH_JWT_MAX_AGE: '400d' })).toThrow(/NEWSGRAPH_JWT_MAX_AGE/);
  });

  it('allows no cross-origin caller by default, and takes a list of origins or *', () => {
    expect(loadConfig({}).security.corsOrigins).toEqual([]);
    expect(loadConfig({ NEWSGRAPH_CORS_ORIGINS: 'https://newsroom.example, http://localhost:5173' }).security.corsOrigins).toEqual([
      'https://newsroom.example',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ NEWSGRAPH_CORS_ORIGINS: '*' }).security.corsOrigins).toEqual(['*']);
    for (const bad of ['newsroom.example', 'https://newsroom.example/', 'https://newsroom.example/path', 'null', 'ftp://files.example']) {
      expect(() => loadConfig({ NEWSGRAPH_CORS_ORIGINS: bad }), bad).toThrow(/NEWSGRAPH_CORS_ORIGINS/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('names every variable the config reads', () => {
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const read = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]!);
    expect(read.length).toBeGreaterThan(30);
    expect(read.filter((name) => !example.includes(name))).toEqual([]);
  });

  it('loads as it is', () => {
    expect(() => loadConfig(parseEnv(example) as NodeJS.ProcessEnv)).not.toThrow();
  });
});
