// Keyset paging of one type: WHERE e.type = $type AND e.id > $after ORDER BY e.id.
CREATE INDEX entity_type_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.id);
// Timelines scan events by date.
CREATE INDEX event_start_date IF NOT EXISTS FOR (e:Event) ON (e.startDate);
// Everything reported in one document, for export and provenance lookups.
CREATE INDEX reported_by_document IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.documentId);
// Full-text search over names and aliases (aliases are joined into one string property).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText];
// Edits find the claims of an entity's relations, and the reports attributed to it.
CREATE INDEX claim_from IF NOT EXISTS FOR (c:Claim) ON (c.from);
CREATE INDEX claim_to IF NOT EXISTS FOR (c:Claim) ON (c.to);
CREATE INDEX reported_by_attributed_to IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.attributedToId);
CREATE INDEX source_entity IF NOT EXISTS FOR (s:Source) ON (s.entityId);
