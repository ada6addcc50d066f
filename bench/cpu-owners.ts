/**
 * Where a server's CPU goes, from a V8 CPU profile (`node --cpu-prof`): each
 * sample's time, inside a window, charged to an owner. A sample in a native or
 * Node-internal frame (a socket write, the HTTP parser, a source-mapped stack)
 * is charged to the nearest caller that belongs to a package or to our code,
 * so "writev" under the driver counts as the driver's. A few owners are kept
 * apart because the profile showed them large: the driver's stack capture.
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds on the monotonic clock both the profile and process.hrtime use. */
export interface Window {
  fromUs: number;
  toUs: number;
}

const GROUPS: Array<[RegExp, string]> = [
  [/^neo4j-driver/, 'neo4j-driver'],
  // Yoga, Envelop and the executor all chain their steps through these helpers: not the HTTP adapter's time.
  [/^@whatwg-node\/promise-helpers$/, 'promise chaining (@whatwg-node/promise-helpers)'],
  [/^@whatwg-node\//, '@whatwg-node (Request/Response adapter)'],
  [/^(graphql-yoga|@graphql-yoga\/|@envelop\/)/, 'yoga + envelop'],
  [/^(@graphql-tools\/|graphql$)/, 'graphql execution'],
  [/^@pothos\//, 'pothos'],
  [/^@escape\.tech\//, 'graphql-armor'],
];

const STACK_CAPTURE = 'neo4j-driver: stack captured per query (source-mapped under tsx)';
const NO_CALLER = 'node, no JS caller (HTTP parser, socket reads, timers, microtasks)';

/** The owner of a frame, or null for a frame that is charged to its caller (native, node:internal). */
export function frameOwner(frame: ProfileNode['callFrame']): string | null {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8 (program)';
    if (functionName === '(idle)') return 'idle';
    return null;
  }
  const packages = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (packages) {
    const name = packages[packages.length - 1]!.replace('node_modules/', '');
    if (name === 'neo4j-driver-core' && functionName === 'captureStacktrace') return STACK_CAPTURE;
    return GROUPS.find(([pattern]) => pattern.test(name))?.[1] ?? name;
  }
  const ours = url.match(/\/(src\/[^/]+|bench\/[^/]+)/);
  if (ours) return `ours: ${ours[1]!.replace(/\.ts$/, '')}`;
  return null;
}

/** Milliseconds of CPU per owner inside the window (idle left out). */
export function cpuByOwner(profile: CpuProfile, window: Window): Map<string, number> {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ownerCache = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    const owners: Array<string | null> = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) owners.push(frameOwner(byId.get(at)!.callFrame));
    // A stack capture runs in node:internal frames below the driver's captureStacktrace: all of it is the capture.
    const resolved = owners.includes(STACK_CAPTURE) ? STACK_CAPTURE : (owners.find((owner) => owner !== null) ?? NO_CALLER);
    ownerCache.set(id, resolved);
    return resolved;
  };
  const totals = new Map<string, number>();
  let at = profile.startTime;
  // Each sample is charged the gap before it (timeDeltas[i]), as most aggregators do; with V8's regular ticks
  // (idle ones included) the other convention, the gap after it, gives the same totals within a tick.
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < window.fromUs || at > window.toUs) return;
    const owner = ownerOf(sample);
    if (owner === 'idle') return;
    totals.set(owner, (totals.get(owner) ?? 0) + delta / 1000);
  });
  return totals;
}
