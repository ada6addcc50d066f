import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { createLogger } from '../../src/logger.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { createNeo4jGraphqlYoga } from '../neo4j-graphql/app.js';
import { graphqlContender, inProcessPost, rawContender } from '../contenders.js';
import { drawParams } from '../params.js';
import { WORKLOADS } from '../workloads.js';
import { difference } from '../answers.js';
import neo4j from 'neo4j-driver';
const config = loadConfig({ NEO4J_URI: process.env.NEO4J_URI!, NODE_ENV: 'production' });
const log = createLogger('warn');
const driver = createDriver({ uri: process.env.NEO4J_URI!, username: 'neo4j', password: 'password' }, config.neo4j);
const executor = new Executor(driver, 'neo4j', log, 5000);
const ng = graphqlContender('newsgraph', inProcessPost(createNewsgraphYoga({ executor, log, security: config.security })));
const plain = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'password'));
const nq = graphqlContender('neo4j-graphql', inProcessPost(await createNeo4jGraphqlYoga(plain)));
const raw = rawContender(driver, 'neo4j');
const { params, hubs } = await drawParams(driver, 'neo4j', Number(process.env.N ?? 5), 1);
console.log('hubs', hubs.slice(0, 5));
for (const w of WORKLOADS) {
  if (process.env.ONLY && process.env.ONLY !== w.id) continue;
  for (const p of params[w.id]) {
    const answers: unknown[] = [];
    for (const c of [ng, nq, raw]) {
      try { const t = performance.now(); answers.push(await c.ask(w, p)); console.log(w.id, c.name, (performance.now() - t).toFixed(1), 'ms'); }
      catch (e) { console.log(w.id, c.name, 'ERROR', (e as Error).message.slice(0, 600)); answers.push(undefined); }
    }
    console.log(w.id, JSON.stringify(p), 'ng-vs-nq:', difference(answers[0], answers[1]), 'ng-vs-raw:', difference(answers[0], answers[2]));
    if (process.env.SHOW) console.log(JSON.stringify(answers[0]).slice(0, 400));
  }
}
await driver.close(); await plain.close();
