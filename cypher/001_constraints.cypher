// Uniqueness on every stable id. MERGE relies on these for concurrency safety:
// two ingests of the same entity race on the constraint, not on a read.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
// One Claim node per relation carries its provenance; its key also keeps
// relation ids unique across the four relationship types.
CREATE CONSTRAINT claim_relation_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.relationId IS UNIQUE;
// Normalized names and aliases, for entity resolution by name.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (k:NameKey) REQUIRE k.key IS UNIQUE;
CREATE CONSTRAINT participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT commands_id IF NOT EXISTS FOR ()-[r:COMMANDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reported_by_id IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() REQUIRE r.id IS UNIQUE;
