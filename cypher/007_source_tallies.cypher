// How many entities of each type have each number of independent sources
// (src/claims/source-tally.ts): one node per type, merged by writers in parallel.
CREATE CONSTRAINT source_tally_type IF NOT EXISTS FOR (t:SourceTally) REQUIRE t.type IS UNIQUE;
