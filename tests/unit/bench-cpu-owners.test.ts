import { describe, expect, it } from 'vitest';
import { cpuByOwner, frameOwner, type CpuProfile, type ProfileNode } from '../../bench/cpu-owners.js';

const frame = (functionName: string, url = ''): ProfileNode['callFrame'] => ({ functionName, url, lineNumber: 0 });

// root ─┬─ yoga handler ── writev (native)
//       ├─ driver run ── captureStacktrace ── prepareStackTrace (node:internal)
//       ├─ our resolver
//       ├─ (garbage collector)
//       ├─ (idle)
//       └─ runMicrotasks (native, no JS caller)
const nodes: ProfileNode[] = [
  { id: 1, callFrame: frame('(root)'), children: [2, 4, 7, 8, 9, 10] },
  { id: 2, callFrame: frame('handle', 'file:///app/node_modules/graphql-yoga/esm/server.js'), children: [3] },
  { id: 3, callFrame: frame('writev') },
  { id: 4, callFrame: frame('run', 'file:///app/node_modules/neo4j-driver-core/lib/session.js'), children: [5] },
  { id: 5, callFrame: frame('captureStacktrace', 'file:///app/node_modules/neo4j-driver-core/lib/result.js'), children: [6] },
  { id: 6, callFrame: frame('prepareStackTrace', 'node:internal/source_map/prepare_stack_trace') },
  { id: 7, callFrame: frame('resolve', 'file:///app/src/schema/entity.ts') },
  { id: 8, callFrame: frame('(garbage collector)') },
  { id: 9, callFrame: frame('(idle)') },
  { id: 10, callFrame: frame('runMicrotasks') },
];

/** One sample per node id given, 1 ms apart, starting at 1,000 µs. */
function profileOf(samples: number[]): CpuProfile {
  return { nodes, startTime: 0, samples, timeDeltas: samples.map(() => 1000) };
}

describe('cpuByOwner', () => {
  it('charges native and node-internal frames to the nearest owning caller, and leaves idle out', () => {
    const owners = cpuByOwner(profileOf([3, 3, 6, 7, 8, 9, 10]), { fromUs: 0, toUs: 1e9 });
    expect(Object.fromEntries(owners)).toEqual({
      'yoga + envelop': 2,
      'neo4j-driver: stack captured per query (source-mapped under tsx)': 1,
      'ours: src/schema': 1,
      GC: 1,
      'node, no JS caller (HTTP parser, socket reads, timers, microtasks)': 1,
    });
  });

  it('counts only the samples inside the window', () => {
    // Samples at 1, 2, 3 and 4 ms: the window 2-3 ms holds the middle two.
    const owners = cpuByOwner(profileOf([3, 7, 7, 8]), { fromUs: 2000, toUs: 3000 });
    expect(Object.fromEntries(owners)).toEqual({ 'ours: src/schema': 2 });
  });
});

describe('frameOwner', () => {
  it('groups packages, and names our folders and the bench', () => {
    expect(frameOwner(frame('x', 'file:///a/node_modules/@whatwg-node/server/esm/x.js'))).toBe('@whatwg-node (Request/Response adapter)');
    expect(frameOwner(frame('x', 'file:///a/node_modules/@whatwg-node/promise-helpers/esm/index.js'))).toBe('promise chaining (@whatwg-node/promise-helpers)');
    expect(frameOwner(frame('x', 'file:///a/node_modules/neo4j-driver-bolt-connection/lib/x.js'))).toBe('neo4j-driver');
    expect(frameOwner(frame('x', 'file:///a/node_modules/@graphql-tools/executor/esm/x.js'))).toBe('graphql execution');
    expect(frameOwner(frame('x', 'file:///a/node_modules/pino/lib/x.js'))).toBe('pino');
    expect(frameOwner(frame('x', 'file:///a/bench/raw-http/server.ts'))).toBe('ours: bench/raw-http');
    expect(frameOwner(frame('x', 'node:internal/timers'))).toBeNull();
  });
});
