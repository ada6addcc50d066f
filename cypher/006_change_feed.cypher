// The change feed's outbox (docs/change-feed.md). One counter node orders every
// write transaction that records changes: each takes its write lock last, so
// sequence numbers follow commit order with no gaps.
CREATE CONSTRAINT change_counter_id IF NOT EXISTS FOR (c:ChangeCounter) REQUIRE c.id IS UNIQUE;

// Events by sequence: the feed reads `sequence > cursor` in order, and two
// events can never share a number.
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (e:Change) REQUIRE e.sequence IS UNIQUE;

// Events by time: retention prunes the ones older than NEWSGRAPH_CHANGES_RETENTION.
CREATE INDEX change_at IF NOT EXISTS FOR (e:Change) ON (e.at);
