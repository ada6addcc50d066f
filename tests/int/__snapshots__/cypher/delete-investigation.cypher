// statement 1 of 3
MATCH (i:Investigation {id: $id}) SET i._lock = true REMOVE i._lock

// statement 2 of 3
MATCH (i:Investigation {id: $id}) RETURN i {.*} AS investigation

// statement 3 of 3
MATCH (i:Investigation {id: $id}) DETACH DELETE i
