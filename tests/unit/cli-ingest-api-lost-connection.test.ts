import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestApi } from '../../src/cli/ingest-api.js';
import { loadThroughApi } from '../../src/cli/ingest-load.js';
import { IngestProgress } from '../../src/cli/ingest-progress.js';
import { emptyStreamCounts } from '../../src/ingest/ndjson.js';
import { generateStream } from '../../tools/generate/generate.js';

// `ingest --api` over a connection the service drops after the second bundle was sent: the service
// may have written that bundle, so the CLI must not say only the bundles before it were written.

const REPORT = {
  documents: 1,
  sources: 0,
  reports: 0,
  entities: { created: 0, matched: 0, ambiguous: 0 },
  relations: { created: 0, matched: 0 },
  createdEntityIds: [],
  matches: [],
  ambiguities: [],
};

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-api-lost-'));
let server: Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      // The first bundle is answered; the connection is dropped under the second, after it arrived.
      if (requests === 1) response.end(JSON.stringify({ data: { ingestBundle: REPORT } }));
      else request.socket.destroy();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest --api when the connection is lost after a bundle was sent', () => {
  it('says the bundle may have been written, not only the ones before it', async () => {
    const file = join(dir, 'stream.ndjson');
    writeFileSync(file, `${[...generateStream({ entities: 200, seed: 3 })].map((generated) => generated.line).join('\n')}\n`);
    const complaints: string[] = [];
    const outcomes = await loadThroughApi(new IngestApi(url, 'a-key-for-the-fake-service'), [{ file, kind: 'stream', bytes: 0, counts: emptyStreamCounts() }], {
      progress: new IngestProgress({ write: () => true }, false),
      replaceDocuments: false,
      batchSize: 2000,
      print: () => {},
      complain: (text) => complaints.push(text),
    });
    expect(requests).toBe(2);
    expect(outcomes).toEqual([{ file, ok: false, records: 0 }]);
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toContain('cannot reach the service');
    expect(complaints[0]).toContain('the 1 bundle(s) before it were written, and this one may have been');
  });
});
