import type { BundleSource } from '../model/bundle-schema.js';
import { cleanName } from './draft-records.js';
import { SlugAllocator } from './slugs.js';
import type { Article, Attribution, ExtractedEntity, Span } from './types.js';

/**
 * Who a report comes from. The text may name an outlet for a statement
 * ("according to a published article in MSN News"): that outlet is the
 * report's source. A statement attributed to a person or organization with
 * no outlet named comes from that speaker (an `official` source tied to the
 * person, as in the seed). Everything else comes from the article itself:
 * its outlet when the caller named one, else the document.
 */

export interface ReportOrigin {
  source: string;
  attributedTo?: string;
}

export class DraftSources {
  private readonly ids = new SlugAllocator();
  private readonly byKey = new Map<string, BundleSource>();
  private readonly articleSource: BundleSource;

  constructor(
    private readonly article: Article,
    private readonly attributions: readonly Attribution[],
    private readonly entities: ReadonlyMap<string, { id: string; entity: ExtractedEntity }>,
  ) {
    this.articleSource = article.source
      ? this.add(`outlet:${article.source.toLowerCase()}`, { name: article.source, kind: 'outlet' })
      : this.add('document', { name: documentSourceName(article), kind: 'document' }, `document-${article.documentId}`);
  }

  /**
   * The outlet the caller named is the document's publisher, its own voice (a syndicated copy of it then counts
   * once); without one, the document source speaks for the document by its kind, and no publisher is named.
   */
  get publisher(): string | null {
    return this.articleSource.kind === 'outlet' ? this.articleSource.id : null;
  }

  /** The sources used by at least one report, in the order first used. */
  used(reportSources: Iterable<string>): BundleSource[] {
    const wanted = new Set(reportSources);
    return [...this.byKey.values()].filter((source) => wanted.has(source.id));
  }

  originOf(quote: Span): ReportOrigin {
    const attribution = this.attributionCovering(quote);
    const speaker = attribution?.speaker ? this.entities.get(attribution.speaker) : undefined;
    const attributedTo = speaker && (speaker.entity.type === 'PERSON' || speaker.entity.type === 'ORGANIZATION') ? speaker.id : undefined;
    if (attribution?.outlet) {
      const source = this.add(`outlet:${attribution.outlet.toLowerCase()}`, { name: attribution.outlet, kind: 'outlet' });
      return { source: source.id, attributedTo };
    }
    if (speaker && attributedTo) {
      const { entity, id } = speaker;
      const name = entity.title ? `${entity.name}, ${entity.title}` : entity.name;
      const kind = entity.type === 'PERSON' ? 'official' : 'organization';
      const source = this.add(`speaker:${id}`, { name, kind, ...(entity.type === 'PERSON' ? { entity: id } : {}) }, `${id}-statements`);
      return { source: source.id, attributedTo };
    }
    return { source: this.articleSource.id };
  }

  /** The narrowest attribution that holds the whole quote; a quote only partly attributed is the article's own. */
  private attributionCovering(quote: Span): Attribution | undefined {
    let best: Attribution | undefined;
    for (const attribution of this.attributions) {
      if (attribution.start > quote.start || attribution.end < quote.end) continue;
      if (!best || attribution.end - attribution.start < best.end - best.start) best = attribution;
    }
    return best;
  }

  private add(key: string, given: Omit<BundleSource, 'id'>, idHint?: string): BundleSource {
    const known = this.byKey.get(key);
    if (known) return known;
    const fields = { ...given, name: cleanName(given.name) || 'unnamed source' };
    const source: BundleSource = { id: this.ids.take(idHint ?? fields.name, `source-${this.byKey.size + 1}`), ...fields };
    this.byKey.set(key, source);
    return source;
  }
}

function documentSourceName(article: Article): string {
  const title = article.title ?? article.documentId;
  return article.publishedAt ? `${title} (article, ${article.publishedAt})` : `${title} (article)`;
}
