import type { Bundle } from '../model/bundle-schema.js';
import type { Annotator, NlpDocument } from '../nlp/annotation.js';
import { anchorDate, readArticle } from './article.js';
import { assembleDraft, type Draft } from './assemble.js';
import { extractAttributions } from './attribution/index.js';
import { extractEntities } from './entities/index.js';
import { assertEnglish } from './language.js';
import { extractRelations } from './relations/index.js';
import type { ArticleInput, Span } from './types.js';

/**
 * From an article to a draft bundle: read the canonical text, refuse what
 * is not English, annotate with CoreNLP, then the rules: entities, then
 * relations and attributions over them, then the assembler. Nothing is
 * written; the draft is for a person to review and ingest.
 */
export async function extractArticle(input: ArticleInput, annotator: Annotator, options: { signal?: AbortSignal } = {}): Promise<Draft> {
  const article = readArticle(input);
  assertEnglish(article.text);
  const doc = await annotator.annotate(article.text, { date: anchorDate(article.publishedAt), signal: options.signal });
  const entities = extractEntities(doc, article);
  const relations = extractRelations(doc, entities, article);
  const attributions = extractAttributions(doc, entities, article);
  return assembleDraft({ article, sentences: sentenceSpans(doc), entities, relations, attributions });
}

/** The draft bundle alone, for the evaluation and scripts. */
export async function extractDraft(input: ArticleInput, annotator: Annotator): Promise<Bundle> {
  return (await extractArticle(input, annotator)).bundle;
}

function sentenceSpans(doc: NlpDocument): Span[] {
  return doc.sentences.map((sentence) => ({
    start: sentence.tokens[0]?.characterOffsetBegin ?? 0,
    end: sentence.tokens.at(-1)?.characterOffsetEnd ?? 0,
  }));
}
