import { beforeAll } from 'vitest';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

// Each integration file starts from an empty graph (schema kept), whatever the previous file left.
beforeAll(async () => {
  const db = openTestDatabase();
  try {
    await wipe(db.executor);
  } finally {
    await db.close();
  }
});
