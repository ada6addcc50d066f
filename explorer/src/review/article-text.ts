import { ENTITY_STYLE } from '../colors.js';
import { h } from '../dom.js';
import type { DraftEntity, DraftMention } from './types.js';

export interface Span {
  start: number;
  end: number;
}

interface Segment extends Span {
  mention: DraftMention | null;
}

/**
 * Cuts the text at every mention and quote boundary, so that any quote can be
 * highlighted later by toggling a class on whole segments. Where mentions
 * nest ("spokesperson Wu Qian" around "Wu Qian"), the innermost one colours the
 * segment: it is the most specific claim about those characters.
 */
function segments(length: number, mentions: DraftMention[], quotes: Span[]): Segment[] {
  const inText = (span: Span) => span.start >= 0 && span.end <= length && span.start < span.end;
  const usable = mentions.filter(inText);
  const cuts = new Set<number>([0, length]);
  for (const span of [...usable, ...quotes.filter(inText)]) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let innermost: DraftMention | null = null;
    for (const mention of usable) {
      if (mention.start > start || mention.end < end) continue;
      if (!innermost || mention.end - mention.start < innermost.end - innermost.start) innermost = mention;
    }
    out.push({ start, end, mention: innermost });
  }
  return out;
}

/**
 * The article's canonical text with its mentions highlighted by entity type.
 * Offsets are code points, as the bundle counts them, hence `Array.from`.
 * Text is only ever set as text: the article is untrusted.
 */
export class ArticleText {
  private readonly pieces: HTMLElement[] = [];

  constructor(
    readonly element: HTMLElement,
    text: string,
    mentions: DraftMention[],
    entities: Map<string, DraftEntity>,
    quotes: Span[],
    describe: (entity: DraftEntity) => string,
    onEntity: (id: string) => void,
  ) {
    const chars = Array.from(text);
    for (const segment of segments(chars.length, mentions, quotes)) {
      const content = chars.slice(segment.start, segment.end).join('');
      const entity = segment.mention ? entities.get(segment.mention.entityId) : undefined;
      const attrs = { 'data-start': segment.start, 'data-end': segment.end };
      const piece = entity
        ? h(
            'mark',
            {
              ...attrs,
              class: 'mention',
              'data-entity': entity.id,
              'data-type': entity.type,
              'data-kind': segment.mention!.kind,
              style: `--type-color:${ENTITY_STYLE[entity.type].color}`,
              title: describe(entity),
              onclick: () => onEntity(entity.id),
            },
            content,
          )
        : h('span', attrs, content);
      this.pieces.push(piece);
    }
    element.replaceChildren(...this.pieces);
  }

  /** Marks the text of these quotes and brings the first into view; no spans clears it. */
  showQuotes(spans: Span[]): void {
    let first: HTMLElement | null = null;
    for (const piece of this.pieces) {
      const start = Number(piece.dataset.start);
      const end = Number(piece.dataset.end);
      const quoted = spans.some((span) => start >= span.start && end <= span.end);
      piece.classList.toggle('quoted', quoted);
      if (quoted && !first) first = piece;
    }
    first?.scrollIntoView({ block: 'nearest' });
  }

  /** Outlines every mention of one entity. */
  showEntity(id: string | null): void {
    let first: HTMLElement | null = null;
    for (const piece of this.pieces) {
      const chosen = id !== null && piece.dataset.entity === id;
      piece.classList.toggle('chosen', chosen);
      if (chosen && !first) first = piece;
    }
    first?.scrollIntoView({ block: 'nearest' });
  }
}
