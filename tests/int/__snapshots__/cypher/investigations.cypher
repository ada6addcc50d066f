// statement 1 of 2
MATCH (i:Investigation)
WHERE (i.owner = $principal OR i.shared = true OR $admin) AND ($after IS NULL OR i.id < $after)
WITH i ORDER BY i.id DESC LIMIT $limit
RETURN i {.*} AS investigation

// statement 2 of 2
MATCH (i:Investigation) WHERE (i.owner = $principal OR i.shared = true OR $admin) RETURN count(i) AS total
