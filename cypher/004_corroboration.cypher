// Near-duplicate detection: each document is filed under the MinHash bands of
// its text ((:Document)-[:FILED_UNDER]->(:TextBand)); documents sharing a band
// are the only candidates for being copies of one another.
CREATE CONSTRAINT text_band_key IF NOT EXISTS FOR (b:TextBand) REQUIRE b.key IS UNIQUE;

// The copies of an original, found when a new member joins its group.
CREATE INDEX document_copy_of IF NOT EXISTS FOR (d:Document) ON (d.copyOf);


// Sources by name key: an admin's group reaches every report whose origin names
// a grouped source (a syndicated copy speaking with a grouped publisher's voice).
CREATE INDEX source_key IF NOT EXISTS FOR (s:Source) ON (s.key);

// Reports by origin: the ones to count again when a source joins or leaves a group.
CREATE INDEX reported_by_origin IF NOT EXISTS FOR ()-[rb:REPORTED_BY]-() ON (rb.origin);

// Documents by publisher: one filed before its publisher's source was written
// (a stream may give the source later) is filed again when the source comes.
CREATE INDEX document_publisher IF NOT EXISTS FOR (d:Document) ON (d.publisher);
