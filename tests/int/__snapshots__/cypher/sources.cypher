// statement 1 of 2
MATCH (s:Source)
WHERE $after IS NULL OR s.id > $after
RETURN s { .id, .name, .kind, .url, .entityId, .independenceGroup } AS source
ORDER BY s.id
LIMIT $limit

// statement 2 of 2
MATCH (s:Source) RETURN count(s) AS total
