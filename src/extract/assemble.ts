import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleEntity, type BundleReport } from '../model/bundle-schema.js';
import { validateBundle } from '../model/validate-bundle.js';
import type { EntityType } from '../model/types.js';
import { DraftSources } from './draft-sources.js';
import { entityRecord, relationRecords } from './draft-records.js';
import { CodePointOffsets } from './offsets.js';
import { SlugAllocator } from './slugs.js';
import { EXTRACTION_METHOD, type Article, type Attribution, type ExtractedEntity, type ExtractedRelation, type MentionKind, type Span } from './types.js';

/**
 * The last stage: the rules' findings become a draft bundle in the
 * documented format. Every report quotes the text exactly (code-point
 * offsets), says it was extracted, by which rule and how surely, and comes
 * from the source its attribution names. The draft is checked by the same
 * validator as any bundle before it leaves: a draft that fails is a bug.
 */

export interface DraftMention {
  entityId: string;
  /** Code points into the document text, like report offsets. */
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

export interface Draft {
  bundle: Bundle;
  mentions: DraftMention[];
  warnings: string[];
}

export interface DraftParts {
  article: Article;
  /** Sentence spans of the text (UTF-16), for the quote of an entity's report. */
  sentences: Span[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  attributions: Attribution[];
}

/** An entity gets a report for each sentence naming it, up to this many: enough to show who says so without quoting the whole article. */
const ENTITY_REPORTS_MAX = 3;
/** The bundle format's limit on a quote, in code points. */
const QUOTE_MAX = 20_000;

export function assembleDraft(parts: DraftParts): Draft {
  const { article } = parts;
  const warnings: string[] = [];
  const offsets = new CodePointOffsets(article.text);
  const ids = new SlugAllocator();
  const kept = new Map<string, { id: string; type: EntityType; entity: ExtractedEntity; record: BundleEntity }>();
  for (const entity of parts.entities) {
    const id = ids.take(entity.name, `entity-${kept.size + 1}`);
    const record = entityRecord(entity, id);
    if (record) kept.set(entity.key, { id, type: entity.type, entity, record });
    else warnings.push(`dropped an entity with an empty name (${entity.rule})`);
  }
  const sources = new DraftSources(article, parts.attributions, kept);
  const reports = new ReportList(article.text, offsets, sources);
  for (const { id, entity } of kept.values()) {
    const named = entity.mentions.filter((mention) => mention.kind === 'name' || mention.kind === 'alias');
    const quotes = uniqueSpans(named.map((mention) => sentenceAround(mention, parts.sentences, article.text))).slice(0, ENTITY_REPORTS_MAX);
    for (const quote of quotes) reports.add({ entity: id }, quote, entity.rule, entity.confidence);
  }
  const relations = relationRecords(parts.relations, kept, warnings);
  for (const { record, statements } of relations) {
    for (const statement of uniqueStatements(statements)) reports.add({ relation: record.id }, statement.evidence, statement.rule, statement.confidence);
  }
  const used = sources.used(reports.sourceIds());
  const publisher = used.some((source) => source.id === sources.publisher) ? { publisher: sources.publisher! } : {};
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    document: { ...documentRecord(article), ...publisher },
    sources: used,
    entities: [...kept.values()].map(({ record }) => record),
    relations: relations.map(({ record }) => record),
    reports: reports.all(),
  };
  const mentions = [...kept.values()].flatMap(({ id, entity }) =>
    entity.mentions.map((mention) => ({
      entityId: id,
      start: offsets.of(mention.start),
      end: offsets.of(mention.end),
      text: mention.text,
      kind: mention.kind,
    })),
  );
  return { bundle: validateBundle(bundle), mentions: mentions.sort((a, b) => a.start - b.start || a.end - b.end), warnings };
}

class ReportList {
  private readonly reports: BundleReport[] = [];
  private readonly ids = new SlugAllocator();

  constructor(
    private readonly text: string,
    private readonly offsets: CodePointOffsets,
    private readonly sources: DraftSources,
  ) {}

  add(subject: BundleReport['subject'], span: Span, rule: string, confidence: number): void {
    const quote = withinQuoteLimit(this.text, trimmed(this.text, span), this.offsets);
    if (quote.end <= quote.start) return;
    const subjectId = 'entity' in subject ? subject.entity : subject.relation;
    const origin = this.sources.originOf(quote);
    this.reports.push({
      id: this.ids.take(`r-${subjectId}`, 'report'),
      subject,
      source: origin.source,
      quote: this.text.slice(quote.start, quote.end),
      start: this.offsets.of(quote.start),
      end: this.offsets.of(quote.end),
      ...(origin.attributedTo ? { attributedTo: origin.attributedTo } : {}),
      method: EXTRACTION_METHOD,
      rule,
      confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100,
    });
  }

  sourceIds(): string[] {
    return this.reports.map((report) => report.source);
  }

  all(): BundleReport[] {
    return this.reports;
  }
}

function documentRecord(article: Article): Bundle['document'] {
  // Metadata the caller did not give is left out, not null: an omitted field never conflicts with a stored document.
  return {
    id: article.documentId,
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ...(article.url ? { url: article.url } : {}),
  };
}

/** The sentence holding a mention, cut at blank lines: the sentence splitter can run a headline into the next sentence. */
function sentenceAround(mention: Span & { sentence: number }, sentences: readonly Span[], text: string): Span {
  const sentence = sentences[mention.sentence] ?? mention;
  const before = text.lastIndexOf('\n\n', mention.start);
  const after = text.indexOf('\n\n', mention.end);
  return { start: Math.max(sentence.start, before < 0 ? 0 : before + 2), end: Math.min(sentence.end, after < 0 ? text.length : after) };
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A quote holds at most QUOTE_MAX code points (the bundle's limit): a run-on "sentence" is cut to its start, still verbatim. */
function withinQuoteLimit(text: string, span: Span, offsets: CodePointOffsets): Span {
  if (offsets.of(span.end) - offsets.of(span.start) <= QUOTE_MAX) return span;
  let end = span.start;
  for (let points = 0; points < QUOTE_MAX && end < span.end; points++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return trimmed(text, { start: span.start, end });
}

function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((span) => !seen.has(`${span.start}:${span.end}`) && seen.add(`${span.start}:${span.end}`));
}

function uniqueStatements(statements: ExtractedRelation[]): ExtractedRelation[] {
  const seen = new Set<string>();
  return statements.filter(({ evidence }) => !seen.has(`${evidence.start}:${evidence.end}`) && seen.add(`${evidence.start}:${evidence.end}`));
}
