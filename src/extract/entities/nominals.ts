import type { NlpDocument } from '../../nlp/annotation.js';
import { candidateAt } from './candidate.js';
import { groupAt, type Group } from './merge-rules.js';
import { OPERATION_NOUNS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours']);

/** Operation nouns that name the same kind of thing: "the drills" may be "the exercise", not "the mission". */
const NOUN_FAMILIES: Record<string, string> = {
  exercise: 'exercise',
  exercises: 'exercise',
  drill: 'exercise',
  drills: 'exercise',
  manoeuvre: 'exercise',
  manoeuvres: 'exercise',
  maneuver: 'exercise',
  maneuvers: 'exercise',
  wargame: 'exercise',
  wargames: 'exercise',
  operation: 'operation',
  operations: 'operation',
  mission: 'mission',
  patrol: 'mission',
  campaign: 'campaign',
  offensive: 'campaign',
};

/** The kinds of operation nouns written near an event's names ("the exercise West/Interaction-2021", "Baltic Sentry patrol mission"). */
function nounFamilies(group: Group, views: SentenceView[]): Set<string> {
  const families = new Set<string>();
  for (const mention of group.mentions.filter((m) => m.rule.startsWith('event:named'))) {
    const view = views[mention.sentence];
    for (let position = mention.tokenBegin - 4; view && position < mention.tokenEnd + 8; position++) {
      const family = NOUN_FAMILIES[view.lowerWord(position)];
      if (family) families.add(family);
    }
  }
  return families;
}

/**
 * CoreNLP's coreference adds pronouns and descriptions ("she", "the alliance")
 * to a named entity, but only when its chain's names all belong to that one
 * entity: its chains over-merge, and a chain that spans two entities is
 * trusted for neither.
 */
export function attachCoreference(doc: NlpDocument, views: SentenceView[], text: string, groups: Group[]): void {
  for (const chain of Object.values(doc.corefs)) {
    const owners = new Set<Group>();
    for (const mention of chain) {
      if (mention.type !== 'PROPER') continue;
      const owner = groupAt(groups, mention.sentNum - 1, mention.headIndex - 1);
      if (owner) owners.add(owner);
    }
    if (owners.size !== 1) continue;
    const [owner] = [...owners] as [Group];
    for (const mention of chain) {
      if (mention.type !== 'NOMINAL' && mention.type !== 'PRONOMINAL') continue;
      // "we" and "I" speak inside quotes; CoreNLP ties them to whatever is near, often wrongly.
      if (FIRST_PERSON.has(mention.text.toLowerCase())) continue;
      const view = views[mention.sentNum - 1];
      if (!view || groupAt(groups, view.index, mention.headIndex - 1)) continue;
      const kind = mention.type === 'NOMINAL' ? 'nominal' : 'pronoun';
      const range = { begin: mention.startIndex - 1, end: mention.endIndex - 1 };
      owner.mentions.push(candidateAt(view, text, range, { type: owner.type, rule: 'coref', confidence: 0.6, kind }));
    }
  }
}

/**
 * "the spokesperson", "the admiral", "the minister": a definite title with no
 * name refers to the last person named before it with that title.
 */
export function attachTitleNominals(views: SentenceView[], text: string, groups: Group[], titlesOf: Map<Group, string[]>): void {
  for (const view of views) {
    for (const title of view.sentence.entitymentions) {
      if (title.ner !== 'TITLE' || view.lowerWord(title.tokenBegin - 1) !== 'the') continue;
      if (view.token(title.tokenEnd)?.ner === 'PERSON' || groupAt(groups, view.index, title.tokenBegin)) continue;
      const word = title.text.toLowerCase();
      const candidates = groups.filter(
        (group) => group.type === 'PERSON' && (titlesOf.get(group) ?? []).some((t) => t.toLowerCase().split(/\s+/).includes(word)),
      );
      const before = (group: Group): number =>
        Math.max(-1, ...group.mentions.filter((m) => m.kind !== 'pronoun' && m.sentence <= view.index).map((m) => m.start));
      const owner = candidates.filter((group) => before(group) >= 0).sort((a, b) => before(b) - before(a))[0];
      if (!owner) continue;
      owner.mentions.push(
        candidateAt(
          view,
          text,
          { begin: title.tokenBegin - 1, end: title.tokenEnd },
          { type: 'PERSON', rule: 'nominal:title', confidence: 0.7, kind: 'nominal' },
        ),
      );
    }
  }
}

/**
 * "the exercise", "the drills": a definite operation noun refers to the
 * named operation of its kind mentioned last before it (or first after it);
 * "the drills" never refers to an operation named as a mission.
 */
export function attachEventNominals(views: SentenceView[], text: string, groups: Group[]): void {
  const events = groups.filter(
    (group) => group.type === 'EVENT' && group.mentions.some((m) => ['event:named-operation', 'event:named-exercise'].includes(m.rule)),
  );
  if (events.length === 0) return;
  const families = new Map(events.map((event) => [event, nounFamilies(event, views)]));
  for (const view of views) {
    view.tokens.forEach((token, position) => {
      if (!OPERATION_NOUNS.has(token.word.toLowerCase()) || !['the', 'this', 'that'].includes(view.lowerWord(position - 1))) return;
      if (groupAt(groups, view.index, position)) return;
      const start = token.characterOffsetBegin;
      const lastBefore = (group: Group): number => Math.max(-1, ...group.mentions.filter((m) => m.start < start).map((m) => m.start));
      const family = NOUN_FAMILIES[token.word.toLowerCase()] ?? '';
      const sameKind = events.filter((event) => families.get(event)?.has(family));
      const owner = sameKind.sort((a, b) => lastBefore(b) - lastBefore(a))[0];
      if (!owner) return;
      owner.mentions.push(
        candidateAt(view, text, { begin: position - 1, end: position + 1 }, { type: 'EVENT', rule: 'nominal:event-noun', confidence: 0.6, kind: 'nominal' }),
      );
    });
  }
}
