import type { NlpDependency, NlpSentence, NlpToken } from '../../nlp/annotation.js';

/** One dependency arc with 0-based token indices (-1 is ROOT). */
export interface Arc {
  rel: string;
  head: number;
  dep: number;
}

/**
 * A relation pattern matches the relation itself and, when it has no
 * subtype, every subtype: `nmod` matches `nmod:of`, `nmod:poss`, … while
 * `nmod:of` matches only itself. Enhanced++ labels carry the preposition
 * in the subtype, so rules can ask for "obl:in" or for any "obl".
 */
export function relMatches(rel: string, pattern: string): boolean {
  return rel === pattern || (!pattern.includes(':') && rel.startsWith(`${pattern}:`));
}

function arcsOf(deps: readonly NlpDependency[]): Arc[] {
  return deps.map((d) => ({ rel: d.dep, head: d.governor - 1, dep: d.dependent - 1 }));
}

function groupBy(arcs: readonly Arc[], key: (arc: Arc) => number): Map<number, Arc[]> {
  const map = new Map<number, Arc[]>();
  for (const arc of arcs) {
    const list = map.get(key(arc)) ?? [];
    list.push(arc);
    map.set(key(arc), list);
  }
  return map;
}

/**
 * A sentence's tokens and dependency graph with 0-based indices, the same
 * indices as the sentence-relative mention spans. Rules read the enhanced++
 * graph (conjuncts share their heads' arcs, relative pronouns point to
 * their antecedents); heads of spans come from the basic tree.
 */
export class SentenceGraph {
  readonly tokens: readonly NlpToken[];
  private readonly down: Map<number, Arc[]>;
  private readonly up: Map<number, Arc[]>;
  private readonly basicHead = new Map<number, number>();

  constructor(readonly sentence: NlpSentence) {
    this.tokens = sentence.tokens;
    const enhanced = arcsOf(sentence.enhancedPlusPlusDependencies ?? sentence.basicDependencies);
    this.down = groupBy(enhanced, (a) => a.head);
    this.up = groupBy(enhanced, (a) => a.dep);
    for (const arc of arcsOf(sentence.basicDependencies)) this.basicHead.set(arc.dep, arc.head);
  }

  get index(): number {
    return this.sentence.index;
  }

  get length(): number {
    return this.tokens.length;
  }

  token(i: number): NlpToken | undefined {
    return this.tokens[i];
  }

  word(i: number): string {
    return this.tokens[i]?.word ?? '';
  }

  lemma(i: number): string {
    return (this.tokens[i]?.lemma ?? '').toLowerCase();
  }

  pos(i: number): string {
    return this.tokens[i]?.pos ?? '';
  }

  ner(i: number): string {
    return this.tokens[i]?.ner ?? 'O';
  }

  children(i: number, ...patterns: string[]): Arc[] {
    const arcs = this.down.get(i) ?? [];
    return patterns.length === 0 ? arcs : arcs.filter((a) => patterns.some((p) => relMatches(a.rel, p)));
  }

  parents(i: number, ...patterns: string[]): Arc[] {
    const arcs = this.up.get(i) ?? [];
    return patterns.length === 0 ? arcs : arcs.filter((a) => patterns.some((p) => relMatches(a.rel, p)));
  }

  /** The head of a token range: the token whose basic-tree governor lies outside it (the last one if several). */
  headOf(begin: number, end: number): number {
    let head = end - 1;
    for (let i = begin; i < end; i++) {
      const governor = this.basicHead.get(i) ?? -1;
      if (governor < begin || governor >= end) head = i;
    }
    return head;
  }

  /** The tokens strictly between two tokens on their path through the basic tree. */
  pathBetween(a: number, b: number): number[] {
    const ancestors = (t: number): number[] => {
      const chain = [t];
      for (let up = this.basicHead.get(t) ?? -1; up >= 0 && chain.length <= this.tokens.length; up = this.basicHead.get(up) ?? -1) chain.push(up);
      return chain;
    };
    const fromA = ancestors(a);
    const fromB = ancestors(b);
    const meet = fromA.find((t) => fromB.includes(t));
    if (meet === undefined) return [...fromA.slice(1), ...fromB.slice(1)];
    return [...fromA.slice(1, fromA.indexOf(meet) + 1), ...fromB.slice(1, fromB.indexOf(meet))].filter((t) => t !== a && t !== b);
  }

  /** The first and last token of a token's subtree in the basic tree. */
  subtree(i: number): { first: number; last: number } {
    let first = i;
    let last = i;
    for (let t = 0; t < this.tokens.length; t++) {
      let up = t;
      for (let steps = 0; up >= 0 && up !== i && steps < this.tokens.length; steps++) up = this.basicHead.get(up) ?? -1;
      if (up === i) {
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
    }
    return { first, last };
  }

  /** UTF-16 span of a token range, inclusive of both ends. */
  charSpan(first: number, last: number): { start: number; end: number } {
    const a = this.tokens[Math.max(0, first)];
    const b = this.tokens[Math.min(this.tokens.length - 1, last)];
    return { start: a?.characterOffsetBegin ?? 0, end: b?.characterOffsetEnd ?? 0 };
  }

  /** The sentence without its final punctuation, as a span. */
  sentenceSpan(): { start: number; end: number } {
    return this.charSpan(0, this.tokens.length - 1);
  }

  /** The words of a token range joined as the text joins them. */
  text(first: number, last: number, source?: string): string {
    if (source !== undefined) {
      const span = this.charSpan(first, last);
      return source.slice(span.start, span.end);
    }
    return this.tokens
      .slice(first, last + 1)
      .map((t, k, all) => t.originalText + (k < all.length - 1 ? t.after : ''))
      .join('');
  }
}
