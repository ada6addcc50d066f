// Ids merged away by mergeEntities, each pointing at the entity it became
// ((:MergedId)-[:MERGED_INTO]->(:Entity)): a later write naming one is refused
// with ENTITY_MERGED, and ingest resolves it to the kept entity.
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (m:MergedId) REQUIRE m.id IS UNIQUE;
