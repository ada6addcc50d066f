/**
 * The part of Stanford CoreNLP's JSON output (its JSONOutputter) that the
 * extraction rules read. Character offsets are Java char offsets, that is
 * UTF-16 code units: the same units as JavaScript string indices into the
 * text that was annotated. Token indices are 1-based within a sentence
 * (`index`), as in the dependency arcs, where 0 is ROOT.
 */

export interface NlpToken {
  index: number;
  word: string;
  originalText: string;
  lemma: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  pos: string;
  ner: string;
  normalizedNER?: string;
  before: string;
  after: string;
}

export interface NlpDependency {
  dep: string;
  governor: number;
  governorGloss: string;
  dependent: number;
  dependentGloss: string;
}

export interface NlpTimex {
  tid: string;
  type: string;
  value?: string;
  altValue?: string;
}

export interface NlpEntityMention {
  /** Sentence-relative token span, 0-based, end exclusive. */
  tokenBegin: number;
  tokenEnd: number;
  docTokenBegin: number;
  docTokenEnd: number;
  text: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
  normalizedNER?: string;
  nerConfidences?: Record<string, number>;
  timex?: NlpTimex;
}

/** A KBP relation triple; spans are sentence-relative 0-based token ranges [begin, end). */
export interface NlpKbpTriple {
  subject: string;
  subjectSpan: [number, number];
  relation: string;
  relationSpan: [number, number];
  object: string;
  objectSpan: [number, number];
}

export interface NlpSentence {
  /** 0-based sentence number in the document. */
  index: number;
  paragraph?: number;
  tokens: NlpToken[];
  basicDependencies: NlpDependency[];
  enhancedPlusPlusDependencies?: NlpDependency[];
  entitymentions: NlpEntityMention[];
  kbp?: NlpKbpTriple[];
}

export interface NlpCorefMention {
  id: number;
  text: string;
  type: 'PROPER' | 'NOMINAL' | 'PRONOMINAL' | 'LIST' | string;
  number: string;
  gender: string;
  animacy: string;
  /** 1-based token indices within the sentence, end exclusive. */
  startIndex: number;
  endIndex: number;
  headIndex: number;
  /** 1-based sentence number. */
  sentNum: number;
  position: [number, number];
  isRepresentativeMention: boolean;
}

export interface NlpQuote {
  id: number;
  text: string;
  /** UTF-16 offsets of the quote, quotation marks included. */
  beginIndex: number;
  endIndex: number;
  beginToken: number;
  endToken: number;
  beginSentence: number;
  endSentence: number;
  speaker?: string;
  canonicalSpeaker?: string;
}

export interface NlpDocument {
  sentences: NlpSentence[];
  corefs: Record<string, NlpCorefMention[]>;
  quotes?: NlpQuote[];
}

/** Anything that annotates English text: the CoreNLP service, or a recorded fixture in unit tests. */
export interface Annotator {
  /** `date` (YYYY-MM-DD) anchors relative dates ("in August") to the publication date. */
  annotate(text: string, options: { date?: string; signal?: AbortSignal }): Promise<NlpDocument>;
}
