import { normalizeName } from '../model/names.js';
import { wireNamed } from './wire-credits.js';

/**
 * Independence. Every report gets an origin; reports with one origin are one
 * independent source, however many outlets carried them:
 *
 * 1. a source an admin put in a group (`Source.independenceGroup`) speaks for the group: `group:<name>`;
 * 2. a document's own voice (its `publisher`, or, when it names none, its
 *    sources of kind `document`) speaks with the document's voice origin
 *    (`Document.voiceOrigin`, see voiceOrigin below);
 * 3. any other source is itself, by name: `source:<key>`, so two ids for
 *    "Global Times" are one source.
 */

/**
 * Source names meet as entity names do: case, accents and punctuation aside; a wire's names meet as one ("AP" and
 * "Associated Press", as wire credits name it). The id stands in for a name without letters.
 */
export function sourceKey(name: string): string {
  return normalizeName(wireNamed(name) ?? name);
}

export interface VoiceFacts {
  id: string;
  wire: string | null;
  publisherKey: string | null;
}

/**
 * The voice of a document: the wire it credits (a wire story under an
 * outlet's name is the wire's), else its original's (a syndicated copy
 * speaks with the voice of the document it copies), else its publisher, else
 * the document itself.
 */
export function voiceOrigin(document: VoiceFacts, original: VoiceFacts): string {
  const wire = document.wire ?? original.wire;
  if (wire) return `source:${sourceKey(wire)}`;
  if (original.publisherKey) return `source:${original.publisherKey}`;
  return `voice:${original.id}`;
}

/**
 * Cypher setting `rb.origin` for every report `rb` to source `s` matched
 * before it. The report's own source's group comes first; then the group of
 * the source its origin names, so that grouping a publisher also groups the
 * copies speaking with its voice, and grouping "Xinhua" the wire's stories.
 */
export const SET_ORIGIN = `
OPTIONAL MATCH (d:Document {id: rb.documentId})
WITH *, CASE
  WHEN d IS NOT NULL AND (s.id = d.publisher OR (d.publisher IS NULL AND s.kind = 'document')) THEN coalesce(d.voiceOrigin, 'voice:' + d.id)
  ELSE 'source:' + coalesce(s.key, s.id)
END AS spoken
CALL (spoken) {
  OPTIONAL MATCH (named:Source {key: substring(spoken, 7)})
  WHERE spoken STARTS WITH 'source:' AND named.independenceGroup IS NOT NULL
  RETURN min(named.independenceGroup) AS namedGroup
}
SET rb.origin = CASE
  WHEN s.independenceGroup IS NOT NULL THEN 'group:' + s.independenceGroup
  WHEN namedGroup IS NOT NULL THEN 'group:' + namedGroup
  ELSE spoken
END`;
