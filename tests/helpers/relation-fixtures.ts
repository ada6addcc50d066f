import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../src/model/types.js';
import type { Article, EntityMention, ExtractedEntity, ExtractedRelation, MentionKind } from '../../src/extract/types.js';
import type { NlpDocument } from '../../src/nlp/annotation.js';

/**
 * Recorded CoreNLP 4.5.10 annotations of short texts written for the
 * relation and attribution rules (tests/fixtures/nlp/relations), with
 * entities built by hand so the tests hold the rules to account, not the
 * entity layer.
 */
export interface RelationFixture {
  doc: NlpDocument;
  article: Article;
}

export function loadRelationFixture(name: string): RelationFixture {
  const dir = fileURLToPath(new URL('../fixtures/nlp/relations/', import.meta.url));
  const doc = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as NlpDocument;
  const text = readFileSync(`${dir}${name}.txt`, 'utf8');
  return { doc, article: { text, title: null, url: null, publishedAt: '2026-03-02', source: null, documentId: name } };
}

/** Every place where the phrase's words are whole tokens, as mentions. */
function mentionsOf(fixture: RelationFixture, phrase: string, kind: MentionKind): EntityMention[] {
  const found: EntityMention[] = [];
  for (const sentence of fixture.doc.sentences) {
    const tokens = sentence.tokens;
    for (let begin = 0; begin < tokens.length; begin++) {
      for (let end = begin + 1; end <= tokens.length; end++) {
        const start = tokens[begin]!.characterOffsetBegin;
        const stop = tokens[end - 1]!.characterOffsetEnd;
        if (fixture.article.text.slice(start, stop) !== phrase) continue;
        found.push({ sentence: sentence.index, tokenBegin: begin, tokenEnd: end, start, end: stop, text: phrase, kind, rule: 'test' });
      }
    }
  }
  return found;
}

/**
 * An entity with every occurrence of its name (and of the extra phrases, as
 * nominal or pronoun mentions); a country named only by its nationality
 * adjective ("French soldiers") has none.
 */
export function entity(fixture: RelationFixture, type: EntityType, name: string, extra: { phrase: string; kind: MentionKind }[] = []): ExtractedEntity {
  const mentions = [...mentionsOf(fixture, name, 'name'), ...extra.flatMap((e) => mentionsOf(fixture, e.phrase, e.kind))];
  const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { key, type, name, aliases: [], mentions, rule: 'test', confidence: 1 };
}

/** Relations as "TYPE from to (role)" lines, sorted, for readable assertions. */
export function describe(relations: readonly ExtractedRelation[]): string[] {
  return relations.map((r) => `${r.type} ${r.from} ${r.to}${r.role ? ` (${r.role})` : ''}`).sort();
}

export function evidenceOf(fixture: RelationFixture, relation: ExtractedRelation | undefined): string {
  return relation ? fixture.article.text.slice(relation.evidence.start, relation.evidence.end) : '';
}
