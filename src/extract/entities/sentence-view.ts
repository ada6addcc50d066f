import type { NlpDependency, NlpDocument, NlpSentence, NlpToken } from '../../nlp/annotation.js';

/**
 * Read access to one annotated sentence: tokens by 0-based position, and the
 * basic dependency tree both ways. CoreNLP numbers tokens from 1 in its arcs.
 */
export class SentenceView {
  readonly tokens: NlpToken[];
  private readonly heads = new Map<number, NlpDependency>();
  private readonly children = new Map<number, NlpDependency[]>();

  constructor(readonly sentence: NlpSentence) {
    this.tokens = sentence.tokens;
    for (const arc of sentence.basicDependencies) {
      this.heads.set(arc.dependent - 1, arc);
      const siblings = this.children.get(arc.governor - 1) ?? [];
      siblings.push(arc);
      this.children.set(arc.governor - 1, siblings);
    }
  }

  get index(): number {
    return this.sentence.index;
  }

  token(position: number): NlpToken | undefined {
    return this.tokens[position];
  }

  word(position: number): string {
    return this.tokens[position]?.word ?? '';
  }

  lowerWord(position: number): string {
    return this.word(position).toLowerCase();
  }

  lemma(position: number): string {
    return (this.tokens[position]?.lemma ?? '').toLowerCase();
  }

  /** The arc that attaches a token (0-based) to its head; its governor is 1-based (0 = ROOT). */
  headArc(position: number): NlpDependency | undefined {
    return this.heads.get(position);
  }

  /** 0-based position of the token's head, or -1 for the root. */
  headOf(position: number): number {
    return (this.heads.get(position)?.governor ?? 0) - 1;
  }

  /** Dependents of a token, as 0-based positions with their relation. */
  dependents(position: number): { position: number; rel: string }[] {
    return (this.children.get(position) ?? []).map((arc) => ({ position: arc.dependent - 1, rel: arc.dep }));
  }

  /** The token of a span whose head lies outside the span: the span's syntactic head. */
  headOfSpan(begin: number, end: number): number {
    for (let position = end - 1; position >= begin; position--) {
      const head = this.headOf(position);
      if (head < begin || head >= end) return position;
    }
    return end - 1;
  }

  /** Whether the token is glued to the previous one with no space ("Interaction-2021"). */
  gluedToPrevious(position: number): boolean {
    return position > 0 && (this.tokens[position]?.before ?? ' ') === '';
  }

  /**
   * A headline or section title: no closing punctuation and most words capitalized
   * ("Joint Military Exercise Between China and Russia"). Capitalized phrases there
   * are not names.
   */
  get isTitleLine(): boolean {
    const last = this.tokens[this.tokens.length - 1];
    if (!last || /^[.!?"'”’]$/.test(last.word)) return false;
    const words = this.tokens.filter((token) => /^\p{L}/u.test(token.word));
    const capitalized = words.filter((token) => /^\p{Lu}/u.test(token.word));
    return words.length >= 2 && capitalized.length / words.length >= 0.6;
  }
}

export function sentenceViews(doc: NlpDocument): SentenceView[] {
  return doc.sentences.map((sentence) => new SentenceView(sentence));
}
