import { candidateAt, spanOf, type Candidate } from './candidate.js';
import { groupAt, type Group } from './merge-rules.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Events written as common nouns that the article treats as one occurrence
 * it keeps referring to: "ceasefire talks in Jeddah ... the talks", "a
 * handover ceremony ... during the ceremony", "its withdrawal from South
 * Kivu". A trigger noun from a closed list becomes an EVENT when the article
 * refers to that occurrence at least twice, or once with a named participant
 * or place (a proper possessor or modifier, or a complement naming one).
 *
 * Naming rule: the longest form the article uses, each form being the head
 * noun with its lowercase compound/adjective modifiers (temporal and
 * evaluative adjectives dropped), a proper-noun possessor or modifier as
 * written, and the first prepositional complement of the noun (in, at, from,
 * with, between, into, over, on, against, to, of) when it is short and not a
 * date: "ceasefire talks in Jeddah", "withdrawal from South Kivu". Other
 * forms with modifiers are aliases; bare "the talks" is a nominal mention.
 *
 * Skipped: generic or hypothetical mentions ("any talks", "future
 * elections", "no early elections"), bare plurals ("attacks have risen"),
 * nouns inside a named entity or a capitalized name, nouns used as modifiers
 * ("ceasefire" in "ceasefire talks"). "Mission" is not a trigger: in news it
 * is mostly the organization (a UN mission, KFOR).
 */

/** Trigger words and the family whose bare definite mentions may refer back to each other. */
const FAMILIES: Record<string, string> = {
  talks: 'talks',
  negotiations: 'talks',
  discussions: 'talks',
  consultations: 'talks',
  meeting: 'talks',
  ceasefire: 'ceasefire',
  truce: 'ceasefire',
  armistice: 'ceasefire',
  summit: 'summit',
  conference: 'conference',
  visit: 'visit',
  withdrawal: 'withdrawal',
  pullout: 'withdrawal',
  'pull-out': 'withdrawal',
  handover: 'handover',
  'hand-over': 'handover',
  ceremony: 'ceremony',
  exercise: 'exercise',
  exercises: 'exercise',
  drill: 'exercise',
  drills: 'exercise',
  offensive: 'offensive',
  operation: 'operation',
  invasion: 'invasion',
  coup: 'coup',
  attack: 'attack',
  assault: 'attack',
  raid: 'raid',
  ambush: 'ambush',
  bombing: 'bombing',
  election: 'election',
  elections: 'election',
  runoff: 'election',
  referendum: 'referendum',
  vote: 'vote',
  deployment: 'deployment',
  inquiry: 'inquiry',
  investigation: 'inquiry',
  probe: 'inquiry',
  reshuffle: 'reshuffle',
  'shake-up': 'reshuffle',
};

/** Plurals that name one occurrence ("peace talks"), unlike "elections" or "attacks" in general. */
const PLURALIA = new Set(['talks', 'negotiations', 'discussions', 'consultations']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const INDEFINITE = new Set(['a', 'an']);
/** Determiners and modifiers of mentions that are not one occurrence: "any talks", "future elections". */
const GENERIC_WORDS = new Set([
  'any',
  'no',
  'every',
  'each',
  'some',
  'another',
  'other',
  'such',
  'either',
  'neither',
  'all',
  'many',
  'few',
  'more',
  'several',
  'further',
  'future',
  'possible',
  'potential',
  'hypothetical',
  'eventual',
  'proposed',
  'prospective',
  'similar',
  'previous',
  'past',
  'earlier',
  'later',
  'subsequent',
]);
/** Adjectives that describe a mention, not the occurrence ("the latest talks"): left out of names. */
const TRANSIENT_ADJECTIVES =
  /^(new|fresh|renewed|latest|recent|last|next|first|second|third|final|annual|upcoming|forthcoming|ongoing|current|planned|long|brief|short|lengthy|rare|major|key|crucial|historic|high-stakes|so-called|same|only)$|\d|(day|week|month|hour|year)s?$/;
const COMPLEMENT_CASES = new Set(['in', 'at', 'from', 'with', 'between', 'into', 'over', 'on', 'against', 'to', 'of', 'among']);
const ARGUMENT_TAGS = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'CITY', 'STATE_OR_PROVINCE', 'NATIONALITY', 'MISC']);
const DISTINGUISHING_TAGS = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'CITY', 'STATE_OR_PROVINCE']);
const NOUN_TAGS = new Set(['O', 'CAUSE_OF_DEATH']);
const TIME_TAGS = new Set(['DATE', 'TIME', 'DURATION', 'SET', 'NUMBER', 'ORDINAL', 'PERCENT', 'MONEY']);
const HEDGING_VERBS = new Set(['call', 'urge', 'demand', 'propose', 'seek', 'want', 'consider', 'rule', 'reject', 'oppose', 'avoid', 'prevent']);
const MODALS = new Set(['would', 'could', 'may', 'might', 'should', 'can']);

/** "the latest talks", "the broadest reshuffle", "the fourth meeting": words about the mention, not the occurrence. */
function transient(view: SentenceView, position: number): boolean {
  const token = view.token(position);
  return TRANSIENT_ADJECTIVES.test(view.lowerWord(position)) || token?.pos === 'JJS' || token?.ner === 'ORDINAL' || GENERIC_WORDS.has(view.lowerWord(position));
}

/**
 * Where a noun's kept left modifiers begin: compounds, adjectives and a
 * non-pronoun possessor, each with its own modifiers ("change-of-command
 * ceremony", "defence ministers' meeting"), stopping at a determiner or a
 * transient adjective ("the fourth annual defence ministers' meeting").
 */
function leftEdge(view: SentenceView, position: number): number {
  let begin = position;
  const left = view
    .dependents(position)
    .filter((d) => d.position < position)
    .sort((a, b) => b.position - a.position);
  for (const dependent of left) {
    const rel = dependent.rel;
    if (rel === 'case' || rel === 'punct') {
      // The possessive "'s" and a hyphen belong to the modifier; "for" in "for talks" does not.
      if (dependent.position === begin - 1 && ['POS', 'HYPH'].includes(view.token(dependent.position)?.pos ?? '')) begin = dependent.position;
      continue;
    }
    if (!['compound', 'amod', 'nmod:poss'].includes(rel)) break;
    if (rel === 'nmod:poss' && view.token(dependent.position)?.pos.startsWith('PRP')) break;
    if ((rel === 'amod' || rel === 'compound') && transient(view, dependent.position)) break;
    const edge = leftEdge(view, dependent.position);
    if (subtreeRange(view, dependent.position).end !== begin) break;
    begin = edge;
  }
  return begin;
}

interface Mention {
  view: SentenceView;
  head: number;
  begin: number;
  end: number;
  family: string;
  /** The mention's form (modifiers, head, complement), or undefined for a bare "the talks". */
  form?: string;
  /** The form without its complement: "ceasefire talks". */
  short?: string;
  hasArgument: boolean;
  /** Introduced with "a"/"an": a new occurrence, never one found before by its kind alone. */
  indefinite: boolean;
  /** A named participant or place of its own ("Jeddah talks", "talks with Hamas"): it may be another occurrence. */
  distinct: boolean;
}

function subtreeRange(view: SentenceView, position: number): { begin: number; end: number } {
  let begin = position;
  let end = position + 1;
  for (const dependent of view.dependents(position)) {
    const sub = subtreeRange(view, dependent.position);
    begin = Math.min(begin, sub.begin);
    end = Math.max(end, sub.end);
  }
  return { begin, end };
}

function nerIn(view: SentenceView, begin: number, end: number, tags: Set<string>): boolean {
  for (let position = begin; position < end; position++) if (tags.has(view.token(position)?.ner ?? 'O')) return true;
  return false;
}

function isProper(view: SentenceView, position: number): boolean {
  return /^NNPS?$/.test(view.token(position)?.pos ?? '') || ARGUMENT_TAGS.has(view.token(position)?.ner ?? 'O');
}

/** Whether the governing verb makes the mention hypothetical or negated ("called for talks", "would not hold an election"). */
function hypothetical(view: SentenceView, head: number, determiner: string): boolean {
  let verb = view.headOf(head);
  // "agreed to discuss a truce": climb through the infinitive to the hedging verb as well.
  for (let steps = 0; verb >= 0 && steps < 3; steps++) {
    const deps = view.dependents(verb);
    if (deps.some((d) => d.rel === 'advmod' && ['not', "n't", 'never'].includes(view.lowerWord(d.position)))) return true;
    if (INDEFINITE.has(determiner) || determiner === '') {
      if (HEDGING_VERBS.has(view.lemma(verb))) return true;
      if (deps.some((d) => d.rel === 'aux' && MODALS.has(view.lowerWord(d.position)))) return true;
    }
    if (!view.token(verb)?.pos.startsWith('VB')) break;
    verb = view.headOf(verb);
  }
  return false;
}

function mentionAt(view: SentenceView, text: string, head: number): Mention | undefined {
  const token = view.token(head);
  if (!token || !token.pos.startsWith('NN') || token.pos.startsWith('NNP')) return undefined;
  const word = token.word.toLowerCase();
  const family = FAMILIES[word];
  // KBP tags an attack or a bombing as a cause of death; any other tag puts the noun inside a name.
  if (!family || !/^\p{Ll}/u.test(token.word) || !NOUN_TAGS.has(token.ner)) return undefined;
  if (view.sentence.entitymentions.some((m) => m.tokenBegin <= head && head < m.tokenEnd && !NOUN_TAGS.has(m.ner))) return undefined;
  // A modifier of another noun ("ceasefire talks", "election day") is not the event's head.
  const arc = view.headArc(head);
  if (arc && ['compound', 'amod'].includes(arc.dep)) return undefined;
  // "48 percent of the vote": the votes cast, not the occasion.
  if (word === 'vote' && view.lowerWord(head - 1) === 'the' && view.lowerWord(head - 2) === 'of') return undefined;
  const deps = view.dependents(head);
  const determiner = deps.filter((d) => d.rel === 'det').map((d) => view.lowerWord(d.position))[0] ?? '';
  const possessor = deps.find((d) => d.rel === 'nmod:poss');
  const modifiers = deps.filter((d) => ['compound', 'amod'].includes(d.rel) && d.position < head).map((d) => d.position);
  if (GENERIC_WORDS.has(determiner) || modifiers.some((p) => GENERIC_WORDS.has(view.lowerWord(p)))) return undefined;
  if (deps.some((d) => d.rel === 'neg' || (d.rel === 'advmod' && view.lowerWord(d.position) === 'not'))) return undefined;
  const properModifier = modifiers.some((p) => isProper(view, p)) || (possessor !== undefined && isProper(view, possessor.position));
  const specific = DEFINITE.has(determiner) || INDEFINITE.has(determiner) || possessor !== undefined || properModifier;
  if (!specific && !PLURALIA.has(word)) return undefined;
  if (hypothetical(view, head, possessor ? 'the' : determiner)) return undefined;

  // The form: a proper possessor, the kept modifiers, the head, and a short complement.
  let formBegin = leftEdge(view, head);
  // "a two-week naval exercise" stops at "week"; the hyphen left of it goes too.
  while (formBegin < head && /^(HYPH|,|:)$/.test(view.token(formBegin)?.pos ?? '')) formBegin++;
  let formEnd = head + 1;
  let hasArgument = properModifier;
  let distinct = properModifier && nerIn(view, formBegin, head, DISTINGUISHING_TAGS);
  const complement = deps.find((d) => d.rel.startsWith('nmod') && d.rel !== 'nmod:poss' && d.rel !== 'nmod:tmod' && d.position > head);
  if (complement) {
    const range = subtreeRange(view, complement.position);
    const caseWord = view.dependents(complement.position).find((d) => d.rel === 'case');
    const short = range.end - range.begin <= 8;
    const dated = TIME_TAGS.has(view.token(complement.position)?.ner ?? 'O');
    if (caseWord && COMPLEMENT_CASES.has(view.lowerWord(caseWord.position)) && range.begin === head + 1 && short && !dated) {
      formEnd = range.end;
      if (nerIn(view, range.begin, range.end, ARGUMENT_TAGS)) hasArgument = true;
      if (nerIn(view, range.begin, range.end, DISTINGUISHING_TAGS)) distinct = true;
    }
  }
  while (formEnd > head + 1 && /^[,.;:'"]$/.test(view.word(formEnd - 1))) formEnd--;
  const bare = formBegin === head && formEnd === head + 1;
  const mention: Mention = {
    view,
    head,
    begin: formBegin,
    end: formEnd,
    family,
    hasArgument,
    distinct,
    indefinite: INDEFINITE.has(determiner) && possessor === undefined,
  };
  if (!bare) {
    mention.form = spanOf(view, text, formBegin, formEnd).text.replace(/\s+/g, ' ');
    mention.short = spanOf(view, text, formBegin, head + 1).text.replace(/\s+/g, ' ');
  } else if (!DEFINITE.has(determiner) && !INDEFINITE.has(determiner) && possessor === undefined) {
    // A bare "talks" with nothing to tie it to one occasion.
    return undefined;
  }
  return mention;
}

interface Occurrence {
  family: string;
  /** Forms seen for this occurrence, lowercased. */
  forms?: string[];
  key: string;
  mentions: Mention[];
  /** An event the other rules found that this occurrence is. */
  existing?: Group;
}

function formKey(mention: Mention): string {
  return `${mention.family}:${(mention.short ?? '').toLowerCase()}`;
}

/**
 * Adds described events to the groups: new groups for occurrences that
 * qualify, and the further mentions of events other rules already found
 * ("the Jakarta talks ... the talks"). Confidence 0.5, below named events.
 */
export function attachDescribedEvents(views: SentenceView[], text: string, groups: Group[]): Group[] {
  const occurrences: Occurrence[] = [];
  const lastOfFamily = new Map<string, Occurrence>();
  const ambiguous = new Set<string>();
  // An event's kind: the last word of its name or of a description attached to it ("Zapad-2021" ... "the exercise").
  const existingFamily = (group: Group): string | undefined => {
    for (const mention of group.mentions) {
      const family = FAMILIES[mention.text.split(/\s+/).pop()?.toLowerCase() ?? ''];
      if (family) return family;
    }
    return undefined;
  };
  const occurrenceOf = (group: Group, family: string): Occurrence => {
    let occurrence = occurrences.find((o) => o.existing === group);
    if (!occurrence) {
      occurrence = { family, key: `group:${group.key}`, mentions: [], existing: group };
      occurrences.push(occurrence);
    }
    return occurrence;
  };
  // When other rules found exactly one event of a kind, a description of that kind with no named argument of its own is it.
  const soleExisting = new Map<string, Group | undefined>();
  for (const group of groups.filter((g) => g.type === 'EVENT')) {
    const family = existingFamily(group);
    if (family) soleExisting.set(family, soleExisting.has(family) ? undefined : group);
  }
  // The occurrence of a mention's kind mentioned last. "A naval exercise" is a new one next to an
  // event other rules found ("Sea Breeze 2023, a naval exercise"); news restates its own descriptions
  // ("an inquiry into ... an investigation into ... the inquiry"), so among those it is the same.
  const lastOf = (mention: Mention): Occurrence | undefined => {
    const last = lastOfFamily.get(mention.family);
    return last?.existing && mention.indefinite ? undefined : last;
  };
  for (const view of views) {
    // Events other rules found ("the Jakarta talks") are the last of their kind from their sentence on.
    for (const group of groups.filter((g) => g.type === 'EVENT' && g.mentions.some((m) => m.sentence === view.index))) {
      const family = existingFamily(group);
      if (family) lastOfFamily.set(family, occurrenceOf(group, family));
    }
    if (view.isTitleLine) continue;
    view.tokens.forEach((_, position) => {
      const mention = mentionAt(view, text, position);
      if (!mention) return;
      const headOwner = groupAt(groups, view.index, position);
      if (headOwner && headOwner.type !== 'EVENT') return;
      // "open Amber Shield drills": a form holding a named event's name is that event.
      let owner = headOwner;
      for (let p = mention.begin; !owner && p < mention.end; p++)
        owner = groupAt(groups, view.index, p)?.type === 'EVENT' ? groupAt(groups, view.index, p) : undefined;
      // "Sea Breeze 2023, a naval exercise": in apposition to a name, the description is that name's.
      const arc = view.headArc(position);
      if (!owner && arc?.dep === 'appos') {
        const named = groupAt(groups, view.index, arc.governor - 1);
        if (named && named.type !== 'EVENT') return;
        owner = named;
      }
      if (!owner && !mention.distinct && !mention.indefinite) owner = soleExisting.get(mention.family);
      let occurrence: Occurrence | undefined;
      if (owner) {
        occurrence = occurrenceOf(owner, mention.family);
      } else if (mention.short === undefined) {
        // A bare "the talks" refers to the occurrence of its kind mentioned last; "a meeting" opens a new one.
        occurrence = lastOf(mention);
        if (!occurrence) {
          occurrence = occurrences.find((o) => o.key === `${mention.family}:` && !o.existing);
          if (!occurrence) {
            occurrence = { family: mention.family, key: `${mention.family}:`, mentions: [] };
            occurrences.push(occurrence);
          }
        }
      } else {
        const key = formKey(mention);
        // "resume ceasefire talks in Jeddah" (a headline's parse) and "ceasefire talks in Jeddah": one form ends the other.
        const form = (mention.form ?? '').toLowerCase();
        const nests = (other: string): boolean => other === form || other.endsWith(` ${form}`) || form.endsWith(` ${other}`);
        occurrence = occurrences.find((o) => o.key === key || (o.family === mention.family && (o.forms ?? []).some(nests)));
        // "talks in the Indonesian capital" after "the Jakarta talks": a form with no named argument of its own is the last one.
        if (!occurrence && !mention.distinct) occurrence = lastOf(mention);
        // A modified form after bare mentions of its family names that same occurrence ("the talks ... the Jeddah talks").
        occurrence ??= occurrences.find((o) => o.key === `${mention.family}:` && !o.existing && !ambiguous.has(mention.family));
        if (occurrence && occurrence.key === `${mention.family}:`) occurrence.key = key;
        if (!occurrence) {
          occurrence = { family: mention.family, key, mentions: [] };
          occurrences.push(occurrence);
        }
      }
      if (lastOfFamily.has(mention.family) && lastOfFamily.get(mention.family) !== occurrence) ambiguous.add(mention.family);
      occurrence.mentions.push(mention);
      if (mention.form) (occurrence.forms ??= []).push(mention.form.toLowerCase());
      lastOfFamily.set(mention.family, occurrence);
    });
  }

  const added: Group[] = [];
  for (const occurrence of occurrences) {
    const loose = occurrence.mentions.filter((m) => !occurrence.existing || !groupAt(groups, m.view.index, m.head));
    if (occurrence.existing) {
      for (const m of loose) {
        occurrence.existing.mentions.push(candidateOf(m, text, m.form === undefined ? 'nominal' : 'alias', m.form ?? m.view.word(m.head)));
        if (m.short && m.short !== m.form && m.begin < m.head) occurrence.existing.mentions.push(shortForm(m, text));
      }
      continue;
    }
    const qualifies = occurrence.mentions.length >= 2 || occurrence.mentions.some((m) => m.hasArgument);
    const forms = occurrence.mentions.filter((m) => m.form !== undefined);
    if (!qualifies || forms.length === 0) continue;
    // The form the article uses most (counting longer forms that end with it) names the event, then the longest; a bare "the talks" never does (it says too little).
    const uses = (m: Mention): number => forms.filter((other) => other.form === m.form || other.form?.endsWith(` ${m.form ?? ''}`)).length;
    const named = [...forms].sort((a, b) => uses(b) - uses(a) || (b.form?.length ?? 0) - (a.form?.length ?? 0))[0] as Mention;
    const name = named.form as string;
    const mentions = occurrence.mentions.map((m) =>
      candidateOf(m, text, m.form === undefined ? 'nominal' : m.form === name ? 'name' : 'alias', m.form ?? name),
    );
    // The short form of the naming mention ("ceasefire talks") is an alias too.
    if (named.short && named.short !== name && named.begin < named.head) mentions.push(shortForm(named, text));
    added.push({ key: `EVENT:described:${name.toLowerCase()}`, type: 'EVENT', mentions });
  }
  return added;
}

function shortForm(mention: Mention, text: string): Candidate {
  return candidateAt(
    mention.view,
    text,
    { begin: mention.begin, end: mention.head + 1 },
    { type: 'EVENT', rule: 'event:described-noun', confidence: 0.5, name: mention.short, kind: 'alias' },
  );
}

function candidateOf(mention: Mention, text: string, kind: 'name' | 'alias' | 'nominal', name: string): Candidate {
  // A bare mention keeps its determiner ("the talks"), as other nominal mentions do.
  const determined = mention.view.token(mention.head - 1)?.pos === 'DT' ? mention.head - 1 : mention.head;
  const range = mention.form === undefined ? { begin: determined, end: mention.head + 1 } : { begin: mention.begin, end: mention.end };
  return candidateAt(mention.view, text, range, { type: 'EVENT', rule: 'event:described-noun', confidence: 0.5, name, kind });
}
