// statement 1 of 1
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d { .id, title: d.title, publishedAt: d.publishedAt, url: d.url } AS document
