import { GraphQLError } from 'graphql';
import type { DraftMention } from '../extract/assemble.js';
import { extractArticle } from '../extract/extract.js';
import type { EntityResolutionPreview } from '../ingest/resolution-preview.js';
import { EntityResolutionPreviewRef } from './resolution.js';
import { builder } from './builder.js';

interface ExtractResult {
  bundle: unknown;
  mentions: DraftMention[];
  resolution: EntityResolutionPreview[];
  warnings: string[];
}

const ExtractInputRef = builder.inputType('ExtractInput', {
  description: 'An article to extract a draft bundle from: exactly one of text or html, with what is known of it.',
  fields: (t) => ({
    text: t.string({ description: 'The article as plain text, kept exactly as given: it becomes the document text every offset refers to. At most 60,000 characters (about 10,000 words).' }),
    html: t.string({ description: 'The article as a web page: reduced to the article text by Readability, one paragraph per block.' }),
    url: t.string({ description: "The article's URL (absolute)." }),
    title: t.string({ description: "The article's title; for HTML, the page's article title when left out." }),
    publishedAt: t.field({ type: 'Date', description: 'The publication date: anchors relative dates ("in August", "on Tuesday").' }),
    source: t.string({ description: 'The outlet that published the article: the source of the statements the text attributes to no one else. When left out, the document itself.' }),
    documentId: t.id({ description: "The draft document's id (a slug); when left out, article- and 16 hex digits of the text's SHA-256, so the same text gives the same id." }),
  }),
});

const DraftMentionRef = builder.objectRef<DraftMention>('DraftMention').implement({
  description: 'Where the draft found an entity in the text: for highlighting it in review.',
  fields: (t) => ({
    entityId: t.exposeID('entityId', { description: 'The id of the entity in the draft bundle.' }),
    start: t.exposeInt('start', { description: 'Offset of the mention in the document text, in code points.' }),
    end: t.exposeInt('end', { description: 'End offset (exclusive), in code points.' }),
    text: t.exposeString('text', { description: 'The mention as written.' }),
    kind: t.exposeString('kind', { description: 'name, alias, nominal ("the spokesperson") or pronoun.' }),
  }),
});

const ExtractResultRef = builder.objectRef<ExtractResult>('ExtractResult').implement({
  description: 'A draft for review: nothing has been written.',
  fields: (t) => ({
    bundle: t.field({ type: 'JSON', description: 'The draft bundle (docs/bundle-format.md); every report has method "extracted", its rule and confidence. Ready for ingestBundle.', resolve: (result) => result.bundle }),
    mentions: t.field({ type: [DraftMentionRef], description: "The entities' mentions in the text, in text order.", resolve: (result) => result.mentions }),
    resolution: t.field({ type: [EntityResolutionPreviewRef], description: 'Per draft entity: new, matching an entity in the graph, ambiguous or in conflict, by the rules ingest uses.', resolve: (result) => result.resolution }),
    warnings: t.exposeStringList('warnings', { description: 'What the rules proposed and the draft left out, and why.' }),
  }),
});

builder.mutationField('extractDraft', (t) =>
  t.field({
    type: ExtractResultRef,
    authScopes: { edit: true },
    description:
      'Reads an English article and proposes a draft bundle: entities, relations and exact quotes, with a preview of how its entities resolve against the graph. Writes nothing. ' +
      'Errors: BAD_USER_INPUT (naming the field), UNSUPPORTED_LANGUAGE, NLP_STARTING (retry after extensions.retryAfterSeconds) and NLP_UNAVAILABLE.',
    args: { input: t.arg({ type: ExtractInputRef, required: true, description: 'The article and what is known of it.' }) },
    resolve: async (_root, { input }, ctx) => {
      const engine = ctx.extraction;
      if (!engine) throw new GraphQLError('Extraction is not available on this server.', { extensions: { code: 'NLP_UNAVAILABLE', http: { status: 503 } } });
      engine.assertReady();
      // Annotating an article takes seconds: the field gets the extraction budget instead of the request's.
      ctx.deadline.start(engine.timeoutMs);
      const draft = await extractArticle(
        {
          text: input.text ?? undefined,
          html: input.html ?? undefined,
          url: input.url ?? null,
          title: input.title ?? null,
          publishedAt: input.publishedAt ?? null,
          source: input.source ?? null,
          documentId: input.documentId ?? undefined,
        },
        engine,
      );
      const resolution = await ctx.repos.bundles.previewDraftResolution(draft.bundle);
      return { ...draft, resolution };
    },
  }),
);
