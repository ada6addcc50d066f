import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { makeRelation } from '../candidate.js';
import { countryOfDemonym } from '../demonyms.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type RuleContext, type SentenceRule } from './rule-context.js';
import { eventIntroducers } from '../entity-lookup.js';
import { isAsserted } from './clause.js';
import { eventAt, verbArguments } from './event-arguments.js';

const PLACE_TYPES = ['LOCATION', 'COUNTRY'] as const;
const PLACE_PREPOSITIONS = ['obl:in', 'obl:at', 'obl:near', 'obl:off', 'obl:inside', 'obl:outside', 'obl:across', 'obl:within', 'obl:around', 'obl:out_of'];
const NOUN_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS.map((p) => p.replace('obl', 'nmod'));
/** Verbs that say where an event happens; "criticized the exercises in X" says nothing of the sort. */
const HAPPENING_VERBS = new Set([
  'take',
  'hold',
  'conduct',
  'stage',
  'begin',
  'end',
  'open',
  'start',
  'close',
  'continue',
  'resume',
  'run',
  'occur',
  'happen',
  'unfold',
  'organize',
  'organise',
  'host',
  'launch',
  'carry',
  'convene',
  'meet',
  'pull',
  'withdraw',
  'resume',
  'attend',
  'complete',
  'conclude',
  'preside',
  'chair',
  'mediate',
  'oversee',
]);
const INTRODUCING_PLACE_NOUNS = new Set(['province', 'region', 'district', 'city', 'town', 'village', 'state', 'county', 'area', 'capital', 'port', 'island']);
/** Verbs of going somewhere: "visited Manila for talks", "travelled to Doha for the negotiations". */
const TRAVEL_VERBS = new Set(['visit', 'travel', 'fly', 'arrive', 'come', 'go', 'head', 'return']);
/** Event nouns whose "from" phrase is where they happen: "the withdrawal from South Kivu". */
const LEAVING_NOUNS = new Set(['withdrawal', 'pullout', 'drawdown', 'departure', 'exit', 'retreat', 'evacuation']);

interface PlaceAt {
  place: ExtractedEntity;
  token: number;
}

function placesOf(graph: SentenceGraph, context: RuleContext, token: number, patterns: readonly string[]): PlaceAt[] {
  return compact(
    graph.children(token, ...patterns).map((a) => {
      // "the withdrawal from South Kivu province": where a described event's name holds the place noun, its named modifier is the place.
      const place = context.lookup.resolve(graph.index, a.dep, PLACE_TYPES) ?? namedModifierPlace(graph, context, a.dep);
      return place ? { place, token: a.dep } : undefined;
    }),
  ).sort((a, b) => a.token - b.token);
}

function namedModifierPlace(graph: SentenceGraph, context: RuleContext, token: number): ExtractedEntity | undefined {
  if (!INTRODUCING_PLACE_NOUNS.has(graph.lemma(token))) return undefined;
  return compact(graph.children(token, 'compound', 'nmod:of').map((a) => context.lookup.resolve(graph.index, a.dep, PLACE_TYPES)))[0];
}

/**
 * "in the Ningxia Hui Autonomous Region in northern China": the second
 * place contains the first, and only the first is where the event is.
 */
function splitChain(graph: SentenceGraph, places: readonly PlaceAt[]): { innermost: PlaceAt[]; chains: [PlaceAt, PlaceAt][] } {
  const innermost: PlaceAt[] = [];
  const chains: [PlaceAt, PlaceAt][] = [];
  places.forEach((p, k) => {
    const previous = places[k - 1];
    const between = previous ? graph.text(previous.token + 1, p.token - 1).toLowerCase() : '';
    if (previous && /^in(?: the)?(?: (?:northern|southern|eastern|western|central|north|south|east|west)\w*)?$/.test(between.trim()))
      chains.push([previous, p]);
    else innermost.push(p);
  });
  return { innermost, chains };
}

function located(graph: SentenceGraph, from: ExtractedEntity, to: PlaceAt, first: number, rule: string, confidence: number): ExtractedRelation | undefined {
  return makeRelation({ type: 'LOCATED_IN', from, to: to.place, graph, first: Math.min(first, to.token), last: Math.max(first, to.token), rule, confidence });
}

/**
 * "The exercises will take place in China", "the talks at NATO
 * headquarters", "the first joint exercise conducted in China", "the
 * U.S. pulling out of Afghanistan": where an event is said to happen.
 */
export const eventPlace: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  const sites: { event: ExtractedEntity; token: number; places: PlaceAt[] }[] = [];
  // A site's token is the first word of the statement: the event's noun or the verb, whichever comes first.
  for (let verb = 0; verb < graph.length; verb++) {
    if (!HAPPENING_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB') || !isAsserted(graph, verb)) continue;
    for (const token of verbArguments(graph, verb)) {
      const event = eventAt(graph, token, context);
      if (event) sites.push({ event, token: Math.min(verb, token), places: placesOf(graph, context, verb, PLACE_PREPOSITIONS) });
    }
  }
  for (const mention of context.lookup.mentionsIn(graph.index)) {
    if (mention.entity.type !== 'EVENT') continue;
    const patterns = graph.pos(mention.head).startsWith('VB') ? PLACE_PREPOSITIONS : NOUN_PLACE_PREPOSITIONS;
    for (const token of [mention.head, ...eventIntroducers(graph, mention.head, mention.mention.tokenBegin, mention.mention.tokenEnd)]) {
      const leaving = LEAVING_NOUNS.has(graph.lemma(token)) ? ['nmod:from'] : [];
      sites.push({
        event: mention.entity,
        token: Math.min(token, mention.mention.tokenBegin),
        places: placesOf(graph, context, token, [...patterns, ...leaving]),
      });
    }
  }
  // "Nakatani visited Manila for talks with Teodoro": the event a trip is for happens where the trip goes.
  for (let verb = 0; verb < graph.length; verb++) {
    if (!TRAVEL_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB') || !isAsserted(graph, verb)) continue;
    const events = compact(graph.children(verb, 'obl:for').map((a) => eventAt(graph, a.dep, context)));
    if (events.length === 0) continue;
    const destinations = placesOf(graph, context, verb, graph.lemma(verb) === 'visit' ? ['obj'] : ['obl:to', 'obl:in']);
    for (const event of events) sites.push({ event, token: verb, places: destinations });
  }
  // "a day of talks in the Indonesian capital": an event noun the entity layer left unlinked.
  for (let noun = 0; noun < graph.length; noun++) {
    if (!graph.pos(noun).startsWith('NN') || context.lookup.at(graph.index, noun)) continue;
    const event = eventAt(graph, noun, context);
    if (event) sites.push({ event, token: noun, places: placesOf(graph, context, noun, NOUN_PLACE_PREPOSITIONS) });
  }
  for (const site of sites) {
    const { innermost, chains } = splitChain(graph, site.places);
    for (const place of innermost) found.push(located(graph, site.event, place, site.token, 'event-place', 0.7));
    for (const [inner, outer] of chains) found.push(located(graph, inner.place, outer, inner.token, 'place-in-place', 0.7));
  }
  return compact(found);
};

/** "Qingtongxia, in Ningxia", "KLAIPEDA, Lithuania", "a facility in the town of X": one place inside another. */
export const placeInPlace: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const mention of context.lookup.mentionsIn(graph.index)) {
    if (mention.entity.type !== 'LOCATION') continue;
    // "Nigeria's Kano State": a place's possessor is the place it lies in.
    const places = placesOf(graph, context, mention.head, [...NOUN_PLACE_PREPOSITIONS, 'appos', 'nmod:of', 'nmod:poss']);
    const { innermost, chains } = splitChain(graph, places);
    for (const place of innermost) found.push(located(graph, mention.entity, place, mention.mention.tokenBegin, 'place-in-place', 0.7));
    for (const [inner, outer] of chains) found.push(located(graph, inner.place, outer, inner.token, 'place-in-place', 0.7));
    found.push(followingPlace(graph, context, mention.entity, mention.mention.tokenEnd));
  }
  return compact(found);
};

/** "the Ningxia Hui Autonomous Region in northern China": a place right after another, joined by "in". */
function followingPlace(graph: SentenceGraph, context: RuleContext, inner: ExtractedEntity, end: number): ExtractedRelation | undefined {
  if (graph.word(end).toLowerCase() !== 'in') return undefined;
  let next = end + 1;
  while (next < graph.length && ['DT', 'JJ'].includes(graph.pos(next)) && graph.ner(next) !== 'NATIONALITY') next++;
  const outer = context.lookup.at(graph.index, next);
  if (!outer || !PLACE_TYPES.includes(outer.entity.type as (typeof PLACE_TYPES)[number])) return undefined;
  return makeRelation({
    type: 'LOCATED_IN',
    from: inner,
    to: outer.entity,
    graph,
    first: end - 1,
    last: outer.mention.tokenEnd - 1,
    rule: 'place-then-place',
    confidence: 0.65,
  });
}

/** "the Chinese town of Qingtongxia", "Tallinn, the Estonian capital": a nationality on a place noun. */
export const nationalityOfPlace: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let noun = 0; noun < graph.length; noun++) {
    if (context.lookup.at(graph.index, noun)?.entity.type === 'COUNTRY') continue;
    for (const arc of graph.children(noun, 'amod')) {
      if (graph.ner(arc.dep) !== 'NATIONALITY') continue;
      const country = countryOfDemonym(graph.word(arc.dep), context.lookup.entities);
      if (!country) continue;
      // "Tallinn, the Estonian capital": an apposition the parser may not have tied.
      const linear = graph.word(arc.dep - 2) === ',' && graph.lemma(arc.dep - 1) === 'the' ? [arc.dep - 3] : [];
      // The named place first: "the Chinese town of Qingtongxia" is about Qingtongxia, whatever else claims "town".
      const candidates = [...graph.children(noun, 'nmod:of').map((a) => a.dep), ...graph.parents(noun, 'appos').map((a) => a.head), ...linear, noun];
      for (const token of candidates) {
        const place = context.lookup.resolve(graph.index, token, ['LOCATION']);
        if (!place) continue;
        found.push(
          makeRelation({
            type: 'LOCATED_IN',
            from: place,
            to: country,
            graph,
            first: Math.min(arc.dep, token),
            last: Math.max(noun, token),
            rule: 'nationality-of-place',
            confidence: 0.7,
          }),
        );
        break;
      }
    }
  }
  return compact(found);
};

const DATELINE_ENDS = new Set(['-', '--', '—', '–', '(', '-LRB-']);

/** A dateline, "NAIROBI, Kenya - …": the wire's convention of naming the city, then its country. */
export const datelinePlace: SentenceRule = (graph, context) => {
  const city = context.lookup.at(graph.index, 0);
  if (city?.entity.type !== 'LOCATION' || graph.word(city.mention.tokenEnd) !== ',') return [];
  const country = context.lookup.at(graph.index, city.mention.tokenEnd + 1);
  if (!country || !PLACE_TYPES.includes(country.entity.type as (typeof PLACE_TYPES)[number])) return [];
  if (!DATELINE_ENDS.has(graph.word(country.mention.tokenEnd))) return [];
  return compact([
    makeRelation({
      type: 'LOCATED_IN',
      from: city.entity,
      to: country.entity,
      graph,
      first: 0,
      last: country.mention.tokenEnd - 1,
      rule: 'dateline',
      confidence: 0.7,
    }),
  ]);
};
