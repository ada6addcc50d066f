import neo4j from 'neo4j-driver';
const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'password'));
const s = driver.session();
await s.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
await s.close(); await driver.close();
