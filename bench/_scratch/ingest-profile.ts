import neo4j from 'neo4j-driver';
import { capturingDriver } from '../capture.js';
import { sumDbHits, planLines } from '../profile.js';
import { Executor } from '../../src/db/executor.js';
import { createLogger } from '../../src/logger.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
const inner = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'password'), { disableLosslessIntegers: true });
const cap = capturingDriver(inner);
const profile = process.env.PROFILE === '1';
if (profile) cap.rewrite = (c) => `PROFILE ${c}`;
const agg: Record<string, { n: number; hits: number; ms: number; plan?: string[] }> = {};
cap.onSummary = (st, summary) => {
  const k = st.cypher.trim().split('\n').slice(0, 3).join(' | ').slice(0, 100);
  const a = (agg[k] ??= { n: 0, hits: 0, ms: 0 });
  a.n++; a.ms += summary.resultAvailableAfter.toNumber?.() ?? Number(summary.resultAvailableAfter);
  if (summary.profile) { a.hits += sumDbHits(summary.profile); if (a.n === 20) a.plan = planLines(summary.profile); }
};
const ex = new Executor(cap.driver, 'neo4j', createLogger('warn'), 120000);
const t0 = performance.now();
await loadNdjsonFile(ex, process.argv[2]!);
console.log('took', ((performance.now() - t0) / 1000).toFixed(1), 's');
for (const [k, v] of Object.entries(agg).sort((a, b) => b[1].hits - a[1].hits)) { console.log(v.hits, v.n, v.ms, k); if (process.env.PLANS) console.log(v.plan?.join('\n')); }
await inner.close();
