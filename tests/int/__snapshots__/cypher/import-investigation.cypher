// statement 1 of 1
CREATE (i:Investigation {id: $id, name: $name, notes: $notes, view: $view, owner: $owner, shared: $shared, createdAt: $now, updatedAt: $now, version: 1})
RETURN i {.*} AS investigation
