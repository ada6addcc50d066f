// statement 1 of 1
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)-[:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-{1,6}(b)
RETURN [n IN nodes(p) | n { .id, .type, .name }] AS nodes,
       [r IN relationships(p) | { id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id }] AS relations
