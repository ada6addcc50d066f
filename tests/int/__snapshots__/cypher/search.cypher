// statement 1 of 1
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node AS n, score
WHERE $types IS NULL OR n.type IN $types
RETURN n { .id, .type, .name, .aliases } AS entity, score
LIMIT $candidates
