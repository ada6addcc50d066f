// statement 1 of 1
MATCH (i:Investigation {id: $id}) RETURN i {.*} AS investigation
