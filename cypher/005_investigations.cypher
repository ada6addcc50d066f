// Saved investigations (docs/investigations.md): one node each, found by id,
// listed by owner (the principal of the key or token that saved it).
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE;
CREATE INDEX investigation_owner IF NOT EXISTS FOR (i:Investigation) ON (i.owner);
