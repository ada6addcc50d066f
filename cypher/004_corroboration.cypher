// Near-duplicate detection: each document is filed under the MinHash bands of
// its text ((:Document)-[:FILED_UNDER]->(:TextBand)); documents sharing a band
// are the only candidates for being copies of one another.
CREATE CONSTRAINT text_band_key IF NOT EXISTS FOR (b:TextBand) REQUIRE b.key IS UNIQUE;

// The copies of an original, found when a new member joins its group.
CREATE INDEX document_copy_of IF NOT EXISTS FOR (d:Document) ON (d.copyOf);

