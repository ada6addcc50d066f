// statement 1 of 1
UNWIND $entities AS e
OPTIONAL MATCH (byId:Entity {id: e.id})
OPTIONAL MATCH (:MergedId {id: e.id})-[:MERGED_INTO]->(kept:Entity)
CALL (e) {
  UNWIND e.keys AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(candidate:Entity)
  RETURN collect(DISTINCT {id: candidate.id, name: candidate.name, key: key}) AS candidates
}
RETURN e.id AS id, byId.type AS existingType, byId.name AS existingName, kept.id AS keptId, kept.type AS keptType, kept.name AS keptName, candidates
