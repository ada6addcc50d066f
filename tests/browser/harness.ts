import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import { Executor } from '../../src/db/executor.js';
import { createLogger } from '../../src/logger.js';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import type { AppServices } from '../../src/context.js';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { wipe, type TestDatabase } from '../helpers/neo4j.js';

export const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts', 'explorer');

export const CHROMIUM = process.env.NEWSGRAPH_CHROMIUM ?? '/usr/bin/chromium';
/** Debian's Chromium, headless, with nothing that reaches out to the network (the machine's network is closed). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds dist/explorer with Vite when it is missing or older than explorer/ (explorer/build.mjs decides). */
export async function ensureExplorerBuilt(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'explorer', 'build.mjs')], { cwd: PROJECT_ROOT, timeout: 120_000 });
}

export interface RunningServer {
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real HTTP server (Yoga + node:http listener) on a free port. */
export async function startServer(services: AppServices): Promise<RunningServer> {
  const server = await listen(createNewsgraphYoga(services), 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await closeServer(server);
    },
  };
}

/** Services whose database is down: a Bolt port where nothing listens. */
export async function unreachableDatabase(): Promise<{ services: AppServices; close(): Promise<void> }> {
  const uri = `bolt://127.0.0.1:${await freePort()}`;
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_CONNECTION_TIMEOUT_MS: '1000', LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const driver = createDriver({ uri, username: 'neo4j', password: 'password' }, config.neo4j);
  const executor = new Executor(driver, 'neo4j', log, 2000);
  return { services: { executor, log, security: config.security }, close: () => driver.close() };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile; console errors are collected for the test to check. */
export async function launchBrowser(): Promise<Browser & { consoleErrors: string[]; failedRequests: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Failed HTTP requests as "status operationName", to tell an expected failure from a bug.
  const failedRequests: string[] = [];
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(response.request().postData() ? String(JSON.parse(response.request().postData()!).query) : '');
    failedRequests.push(`${response.status()} ${operation?.[1] ?? response.url()}`);
  });
  return {
    context,
    page,
    consoleErrors,
    failedRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path });
  return path;
}

type LaunchedBrowser = Awaited<ReturnType<typeof launchBrowser>>;

/** The explorer on the seed graph: a wiped database with the seed loaded, the built explorer, a server and a browser. */
export async function openSeedExplorer(db: TestDatabase): Promise<{ api: RunningServer; browser: LaunchedBrowser }> {
  const seeded = (async () => {
    await wipe(db.executor);
    await loadSeedIfEmpty(db.executor, db.log);
  })();
  const [, , browser] = await Promise.all([ensureExplorerBuilt(), seeded, launchBrowser()]);
  const api = await startServer({ executor: db.executor, log: db.log, security: db.config.security });
  return { api, browser };
}

/** Closes what openSeedExplorer opened (either may be missing when it failed part way) and the database. */
export async function closeSeedExplorer(db: TestDatabase, opened: { api?: RunningServer; browser?: LaunchedBrowser }): Promise<void> {
  await opened.browser?.close();
  await opened.api?.close();
  await db.close();
}
