// statement 1 of 1
CALL () {
  MATCH (n:Entity)
  WHERE n.type = $type AND n.id > $after
  WITH n
  ORDER BY n.type, n.id
  LIMIT $limit
  RETURN collect(n { .id, .type, .name }) AS entities
}
CALL () { MATCH (c:Person) RETURN count(c) AS total }
RETURN entities, total
