import type { NlpDocument } from '../../nlp/annotation.js';
import { findOutletMentions } from '../entities/index.js';
import { EntityLookup } from '../relations/entity-lookup.js';
import type { SentenceGraph } from '../relations/sentence-graph.js';
import type { Article, Attribution, ExtractedEntity, Span } from '../types.js';
import { speakerAt } from './speakers.js';

/** Verbs of reported speech: their subject is the one who said the clause. */
const SPEECH_VERBS = new Set([
  'say',
  'add',
  'tell',
  'announce',
  'state',
  'note',
  'claim',
  'stress',
  'confirm',
  'deny',
  'insist',
  'warn',
  'explain',
  'declare',
  'write',
  'reply',
  'estimate',
  'report',
  'argue',
  'acknowledge',
  'assert',
  'emphasize',
  'emphasise',
  'told',
  'describe',
]);

interface Cue {
  speaker?: ExtractedEntity;
  /** The words that attribute ("according to …", "Wu Qian said that"): a quote inside them is not the speaker's claim. */
  first: number;
  last: number;
  rule: string;
  /** "…, Wu added": the speaker goes on from the sentence before. */
  continues?: boolean;
}

function accordingTo(graph: SentenceGraph, lookup: EntityLookup): Cue[] {
  const cues: Cue[] = [];
  graph.tokens.forEach((token, i) => {
    if (token.lemma.toLowerCase() !== 'accord' && token.word.toLowerCase() !== 'according') return;
    const head = graph.parents(i, 'case').map((a) => a.head)[0];
    if (head === undefined) return;
    const extent = graph.subtree(head);
    const first = graph.word(i - 1) === ',' ? i - 1 : i;
    cues.push({ speaker: speakerAt(lookup, graph, head), first, last: extent.last, rule: 'according-to' });
  });
  return cues;
}

/**
 * "He stressed that …" right after a sentence given to a person: an
 * unresolved personal pronoun as the subject of a speech verb keeps the
 * speaker of the sentence before, in the same paragraph.
 */
function previousSpeaker(graph: SentenceGraph, subject: number, lookup: EntityLookup, previous: ExtractedEntity | undefined): ExtractedEntity | undefined {
  if (!previous || previous.type !== 'PERSON' || !['he', 'she'].includes(graph.word(subject).toLowerCase())) return undefined;
  const before = lookup.graphs[graph.index - 1];
  return before?.sentence.paragraph === graph.sentence.paragraph ? previous : undefined;
}

function reportedSpeech(graph: SentenceGraph, lookup: EntityLookup, previous?: ExtractedEntity): Cue[] {
  const cues: Cue[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    if (!SPEECH_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB')) continue;
    for (const arc of graph.children(verb, 'nsubj')) {
      // A dateline ("MANILA, Philippines - Secretary Jose Reyes said") can make the city the subject and the speaker its apposition.
      const appositions = graph.children(arc.dep, 'appos').map((a) => speakerAt(lookup, graph, a.dep));
      const speaker = speakerAt(lookup, graph, arc.dep) ?? appositions.find((s) => s) ?? previousSpeaker(graph, arc.dep, lookup, previous);
      if (!speaker) continue;
      const subject = graph.subtree(arc.dep);
      const that = graph.children(verb, 'ccomp').some((c) => graph.children(c.dep, 'mark').some((m) => m.dep === verb + 1));
      const first = Math.min(subject.first, verb);
      const last = Math.max(subject.last, verb) + (that ? 1 : 0);
      cues.push({ speaker, first, last, rule: 'reported-speech', continues: graph.lemma(verb) === 'add' });
    }
  }
  return cues;
}

const PUBLISHING_VERBS = new Set(['report', 'write', 'publish', 'broadcast']);

/**
 * "The Kyiv Independent reported that …": a proper name that is no entity
 * of the article (outlets are sources, not entities), as the subject of a
 * publishing verb, is the outlet the sentence came through.
 */
function publishingSubject(graph: SentenceGraph, lookup: EntityLookup): string | undefined {
  for (let verb = 0; verb < graph.length; verb++) {
    if (!PUBLISHING_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB')) continue;
    for (const arc of graph.children(verb, 'nsubj')) {
      if (!graph.pos(arc.dep).startsWith('NNP') || lookup.at(graph.index, arc.dep)) continue;
      const extent = graph.subtree(arc.dep);
      return graph.text(extent.first, extent.last);
    }
  }
  return undefined;
}

const OPENING_QUOTES = new Set(['"', '``', '“']);

function opensWithQuote(graph: SentenceGraph): boolean {
  return OPENING_QUOTES.has(graph.word(0));
}

/**
 * '"We are ready," Costa told reporters. "The ships will sail on time."':
 * a sentence that is only a quotation, right after a quoted sentence given
 * to a speaker in the same paragraph, goes on in that speaker's voice.
 */
function continuesQuote(
  graph: SentenceGraph,
  lookup: EntityLookup,
  speakers: Map<number, { speaker: ExtractedEntity; rule: string }>,
): { speaker: ExtractedEntity; rule: string } | undefined {
  if (!opensWithQuote(graph)) return undefined;
  const previous = lookup.graphs[graph.index - 1];
  const before = speakers.get(graph.index - 1);
  if (!previous || !before || previous.sentence.paragraph !== graph.sentence.paragraph) return undefined;
  const previousQuoted = previous.tokens.some((t) => OPENING_QUOTES.has(t.word));
  return previousQuoted ? { speaker: before.speaker, rule: 'quote-continued' } : undefined;
}

function sentenceSpan(graph: SentenceGraph): Span {
  return graph.sentenceSpan();
}

/**
 * Who each stretch of the article is attributed to and through which
 * outlet: a sentence with "according to X", "X said (that)", "…, X added"
 * is X's; a sentence naming an outlet as its publisher ("according to an
 * article in MSN News", "Global Times reported") came through it. The
 * attributing words themselves get an attribution of their own without the
 * speaker, so a fact quoted from them ("spokesperson Wu Qian") is not
 * credited to the person it describes. "…, X added" also gives X the
 * sentence before it in the paragraph when that one has no speaker.
 */
export function extractAttributions(doc: NlpDocument, entities: readonly ExtractedEntity[], article: Article): Attribution[] {
  const lookup = new EntityLookup(doc, entities);
  const outlets = new Map<number, string>();
  for (const outlet of findOutletMentions(doc, article.text)) {
    // The outlet's name keeps its article: "The Baltic Times".
    const name =
      /\bThe $/.test(article.text.slice(Math.max(0, outlet.start - 4), outlet.start)) && !outlet.text.startsWith('The ') ? `The ${outlet.text}` : outlet.text;
    if (!outlets.has(outlet.sentence)) outlets.set(outlet.sentence, name);
  }
  const speakers = new Map<number, { speaker: ExtractedEntity; rule: string }>();
  const attributions: Attribution[] = [];
  for (const graph of lookup.graphs) {
    const outlet = outlets.get(graph.index) ?? publishingSubject(graph, lookup);
    const cues = [...accordingTo(graph, lookup), ...reportedSpeech(graph, lookup, speakers.get(graph.index - 1)?.speaker)];
    const spoken = cues.find((c) => c.speaker);
    if (spoken?.speaker) {
      speakers.set(graph.index, { speaker: spoken.speaker, rule: spoken.rule });
      const previous = lookup.graphs[graph.index - 1];
      if (spoken.continues && previous && !speakers.has(previous.index) && previous.sentence.paragraph === graph.sentence.paragraph) {
        attributions.push(attribution(sentenceSpan(previous), spoken.speaker, outlets.get(previous.index), 'speech-continued-by-add'));
      }
    }
    const quoted = !spoken && continuesQuote(graph, lookup, speakers);
    if (quoted) {
      speakers.set(graph.index, quoted);
      attributions.push(attribution(sentenceSpan(graph), quoted.speaker, outlet, 'quote-continued'));
      continue;
    }
    if (spoken?.speaker || outlet) attributions.push(attribution(sentenceSpan(graph), spoken?.speaker, outlet, spoken?.rule ?? 'outlet'));
    for (const cue of cues) attributions.push(attribution(graph.charSpan(cue.first, cue.last), undefined, outlet, `${cue.rule}:cue`));
  }
  return attributions;
}

function attribution(span: Span, speaker: ExtractedEntity | undefined, outlet: string | undefined, rule: string): Attribution {
  const result: Attribution = { start: span.start, end: span.end, rule };
  if (speaker) result.speaker = speaker.key;
  if (outlet) result.outlet = outlet;
  return result;
}
