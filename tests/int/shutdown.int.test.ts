import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { once } from 'node:events';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import { openTestDatabase, TEST_KEYS } from '../helpers/neo4j.js';

/** The real service process (`newsgraph serve`) on the run's Neo4j, stopped with SIGTERM under a write load. */
const db = openTestDatabase();
afterAll(() => db.close());

type Outcome = { id: string; kind: 'acknowledged' | 'refused' | 'not-accepted' | 'cut'; startedBeforeSignal: boolean; endedAfterSignal: boolean };

/** One write on a connection of its own, so a refused connection and a cut request can be told apart. */
function upsert(port: number, id: string): Promise<Omit<Outcome, 'startedBeforeSignal' | 'endedAfterSignal'>> {
  const body = JSON.stringify({ query: `mutation { upsertEntity(input: {id: "${id}", type: PERSON, name: "Person ${id}", reports: []}) { id } }` });
  return new Promise((resolve) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.editor}` },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ id, kind: text.includes(`"id":"${id}"`) && !text.includes('"errors"') ? 'acknowledged' : 'refused' }));
        response.on('error', () => resolve({ id, kind: 'cut' }));
      },
    );
    call.on('error', (error: NodeJS.ErrnoException) => resolve({ id, kind: error.code === 'ECONNREFUSED' ? 'not-accepted' : 'cut' }));
    call.end(body);
  });
}

describe('SIGTERM under a write load', () => {
  it('finishes every request in flight, then exits 0, and every acknowledged write is stored', async () => {
    const target = inject('neo4j');
    const port = await freePort();
    const service = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        NEO4J_URI: target.uri,
        NEO4J_USERNAME: target.username,
        NEO4J_PASSWORD: target.password,
        NEWSGRAPH_LOAD_SEED: 'false',
        NEWSGRAPH_API_KEYS: `editor:${TEST_KEYS.editor}`,
        LOG_LEVEL: 'warn',
      },
    });
    const exited = once(service, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (ready === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    let signalled = false;
    let counter = 0;
    const outcomes: Outcome[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      for (;;) {
        const startedBeforeSignal = !signalled;
        const outcome = await upsert(port, `sigterm-${counter++}`);
        outcomes.push({ ...outcome, startedBeforeSignal, endedAfterSignal: signalled });
        if (outcome.kind === 'not-accepted' || outcome.kind === 'cut') return;
      }
    });
    while (outcomes.filter((outcome) => outcome.kind === 'acknowledged').length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    signalled = true;
    service.kill('SIGTERM');
    await Promise.all(clients);
    const [code] = await exited;

    const inFlight = outcomes.filter((outcome) => outcome.startedBeforeSignal && outcome.endedAfterSignal);
    const acknowledged = outcomes.filter((outcome) => outcome.kind === 'acknowledged').map((outcome) => outcome.id);
    console.log(
      `[shutdown] ${acknowledged.length} acknowledged, ${inFlight.length} in flight at SIGTERM (${inFlight.filter((o) => o.kind === 'acknowledged').length} of them acknowledged), ${outcomes.filter((o) => o.kind === 'cut').length} cut`,
    );
    expect(code).toBe(0);
    expect(inFlight.length).toBeGreaterThan(0);
    // Every request sent before the signal got its answer; none was reset.
    expect(inFlight.filter((outcome) => outcome.kind === 'cut' || outcome.kind === 'not-accepted')).toEqual([]);
    const storedOf = async (ids: string[]) =>
      (await db.executor.read<{ id: string }>('MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id', { ids })).map((row) => row.id);
    expect((await storedOf(acknowledged)).sort()).toEqual([...acknowledged].sort());
    // A connection reset in the instant the listener closes never reached the API: nothing of it is stored.
    expect(await storedOf(outcomes.filter((outcome) => outcome.kind === 'cut').map((outcome) => outcome.id))).toEqual([]);
  }, 240_000);
});
