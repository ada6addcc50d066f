import type { EntityType } from '../../model/types.js';
import type { NlpDocument } from '../../nlp/annotation.js';
import type { EntityMention, ExtractedEntity } from '../types.js';
import { normalizeName } from '../../model/names.js';
import { countryNamed } from '../entities/gazetteer.js';
import { countryOfDemonym } from './demonyms.js';
import { SentenceGraph } from './sentence-graph.js';

export interface MentionAt {
  entity: ExtractedEntity;
  mention: EntityMention;
  /** The mention's head token in its sentence. */
  head: number;
}

/**
 * Generic place and unit nouns that stand for the named thing they
 * introduce: "the town of Qingtongxia", "the port of Klaipeda".
 */
const INTRODUCING_NOUNS = new Set([
  'town',
  'city',
  'village',
  'port',
  'island',
  'province',
  'region',
  'district',
  'capital',
  'county',
  'state',
  'area',
  'base',
  'party',
]);

/** Words that say a noun is not the event already named: "another exercise", "previous drills". */
const OTHER_MARKERS = new Set([
  'another',
  'other',
  'separate',
  'different',
  'previous',
  'earlier',
  'past',
  'next',
  'future',
  'last',
  'new',
  'second',
  'similar',
]);

/**
 * Which entity a token stands for. A named mention claims all its tokens
 * (a name's words are its own); a nominal or pronoun mention, which
 * coreference may draw wide ("according to … Wu Qian"), claims only its head.
 */
export class EntityLookup {
  readonly graphs: SentenceGraph[];
  private readonly byToken = new Map<string, MentionAt>();
  private readonly perSentence = new Map<number, MentionAt[]>();
  /** The events each event noun ("exercise", "talks") already stands for in this article. */
  private readonly eventsByNoun = new Map<string, Set<ExtractedEntity>>();

  constructor(
    readonly doc: NlpDocument,
    readonly entities: readonly ExtractedEntity[],
  ) {
    this.graphs = doc.sentences.map((s) => new SentenceGraph(s));
    const claims: MentionAt[] = [];
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        const graph = this.graphs[mention.sentence];
        if (!graph) continue;
        claims.push({ entity, mention, head: graph.headOf(mention.tokenBegin, mention.tokenEnd) });
      }
    }
    // Named mentions last, so they overwrite a nominal claim on the same token.
    const named = (m: MentionAt) => m.mention.kind === 'name' || m.mention.kind === 'alias';
    claims.sort((a, b) => Number(named(a)) - Number(named(b)) || b.mention.tokenEnd - b.mention.tokenBegin - (a.mention.tokenEnd - a.mention.tokenBegin));
    for (const claim of claims) {
      const { mention } = claim;
      const tokens = named(claim) ? range(mention.tokenBegin, mention.tokenEnd) : [claim.head];
      for (const t of tokens) this.byToken.set(`${mention.sentence}:${t}`, claim);
      if (claim.entity.type === 'EVENT') {
        const graph = this.graphs[mention.sentence];
        // "the bilateral exercise Garuda Southern Cross": the name's introducing noun counts as one of its nouns.
        // So does "the UNITAS naval exercise", where the name modifies the noun.
        const introducers = graph ? eventIntroducers(graph, claim.head, mention.tokenBegin, mention.tokenEnd) : [];
        for (const token of [claim.head, ...introducers]) {
          const noun = graph?.lemma(token) ?? '';
          this.eventsByNoun.set(noun, (this.eventsByNoun.get(noun) ?? new Set()).add(claim.entity));
        }
      }
      const list = this.perSentence.get(mention.sentence) ?? [];
      list.push(claim);
      this.perSentence.set(mention.sentence, list);
    }
  }

  graph(sentence: number): SentenceGraph | undefined {
    return this.graphs[sentence];
  }

  at(sentence: number, token: number): MentionAt | undefined {
    return this.byToken.get(`${sentence}:${token}`);
  }

  /**
   * The entity a token stands for, following what names it indirectly:
   * "the town of X" → X, a nationality adjective → its country.
   */
  resolve(sentence: number, token: number, types?: readonly EntityType[]): ExtractedEntity | undefined {
    const found = this.resolveAny(sentence, token);
    return found && (!types || types.includes(found.type)) ? found : undefined;
  }

  private resolveAny(sentence: number, token: number): ExtractedEntity | undefined {
    const direct = this.at(sentence, token);
    if (direct) return direct.entity;
    const graph = this.graphs[sentence];
    if (!graph) return undefined;
    if (INTRODUCING_NOUNS.has(graph.lemma(token))) {
      for (const arc of graph.children(token, 'nmod:of', 'appos', 'compound')) {
        const named = this.at(sentence, arc.dep);
        if (named) return named.entity;
      }
    }
    // "a joint exercise called Lake Guard", "the exercises Northern Coast": the noun stands for the name it introduces.
    const linked = [...graph.children(token, 'appos', 'dep', 'compound').map((a) => a.dep), ...graph.parents(token, 'compound').map((a) => a.head)];
    for (const other of linked) {
      const named = this.at(sentence, other);
      if (named?.entity.type === 'EVENT' && named.mention.kind !== 'nominal') return named.entity;
    }
    // "its Baltic Sentry patrol mission": a name among the noun's premodifiers.
    for (let t = token - 1; t >= graph.subtree(token).first; t--) {
      const named = this.at(sentence, t);
      if (named?.entity.type === 'EVENT' && named.mention.kind !== 'nominal') return named.entity;
    }
    // One sense per article: "a joint exercise" left unlinked is the article's one exercise.
    const other = graph.children(token, 'amod', 'det').some((a) => OTHER_MARKERS.has(graph.lemma(a.dep)));
    const events = graph.pos(token).startsWith('NN') && !other ? this.eventsByNoun.get(graph.lemma(token)) : undefined;
    if (events?.size === 1) return [...events][0];
    const capital = this.capitalNamedByNationality(graph, token);
    if (capital) return capital;
    const organization = this.definiteOrganization(graph, token);
    if (organization) return organization;
    if (graph.pos(token) === 'JJ' || graph.ner(token) === 'NATIONALITY') return countryOfDemonym(graph.word(token), this.entities);
    return undefined;
  }

  /** "talks in the Indonesian capital": the capital city, when the article names it. */
  private capitalNamedByNationality(graph: SentenceGraph, token: number): ExtractedEntity | undefined {
    if (graph.lemma(token) !== 'capital') return undefined;
    for (const arc of graph.children(token, 'amod')) {
      const country = countryOfDemonym(graph.word(arc.dep), this.entities);
      const capitals = new Set((country ? (countryNamed(country.name)?.capitals ?? []) : []).map(normalizeName));
      const city = this.entities.find((e) => e.type === 'LOCATION' && [e.name, ...e.aliases].some((n) => capitals.has(normalizeName(n))));
      if (city) return city;
    }
    return undefined;
  }

  /**
   * "the navy's Pacific squadron" after "the Chilean Navy": a definite
   * common noun that is the last word of exactly one organization's name.
   */
  private definiteOrganization(graph: SentenceGraph, token: number): ExtractedEntity | undefined {
    if (graph.pos(token) !== 'NN' || !graph.children(token, 'det').some((a) => graph.lemma(a.dep) === 'the')) return undefined;
    const noun = graph.lemma(token);
    const named = this.entities.filter((e) => e.type === 'ORGANIZATION' && e.name.toLowerCase().split(/\s+/).at(-1) === noun);
    return named.length === 1 ? named[0] : undefined;
  }

  /** Mentions in a sentence, in text order. */
  mentionsIn(sentence: number): MentionAt[] {
    return [...(this.perSentence.get(sentence) ?? [])].sort((a, b) => a.mention.tokenBegin - b.mention.tokenBegin);
  }
}

export function range(begin: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - begin) }, (_, k) => begin + k);
}

/** The common nouns that introduce an event's name: "the exercises X", "the bilateral exercise X", "the X naval exercise". */
export function eventIntroducers(graph: SentenceGraph, head: number, begin: number, end: number): number[] {
  const outside = (t: number) => (t < begin || t >= end) && graph.pos(t).startsWith('NN') && !graph.pos(t).startsWith('NNP');
  return [...graph.parents(head, 'appos', 'dep', 'compound').map((a) => a.head), ...graph.children(head, 'compound').map((a) => a.dep)].filter(outside);
}
