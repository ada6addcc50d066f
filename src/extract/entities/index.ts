import type { NlpDocument } from '../../nlp/annotation.js';
import { normalizeName } from '../../model/names.js';
import type { Article, ExtractedEntity } from '../types.js';
import { formalTitle, organizationCategory, titlesBefore } from './attributes.js';
import { acronymDefinitions } from './acronyms.js';
import { buildEntity } from './build-entity.js';
import type { Candidate } from './candidate.js';
import { datedElectionCandidates, describedEventCandidates } from './described-events.js';
import { eventDates } from './event-dates.js';
import { attachDescribedEvents } from './event-nouns.js';
import { facilityCandidates } from './facilities.js';
import { mergeGroups, type Group } from './merge-rules.js';
import { countryWithCapital } from './gazetteer.js';
import { applyCapitalMetonymy } from './metonymy.js';
import { correctByRole } from './place-roles.js';
import { namedEventCandidates } from './named-events.js';
import { nerCandidates } from './ner-mentions.js';
import { attachCoreference, attachEventNominals, attachTitleNominals } from './nominals.js';
import { isOutletMention } from './outlets.js';
import { reassignEventNames, withoutEventOverlaps } from './overlaps.js';
import { sentenceViews, type SentenceView } from './sentence-view.js';
import { gazetteerCandidates, groupingCandidates, titledEventCandidates } from './untagged-names.js';

export { findOutletMentions } from './outlets.js';

/**
 * Every mention the rules propose, sentence by sentence. Outlets are left
 * out (they are sources); NER's guesses inside an exercise's name give way
 * to the name.
 */
function candidatesOf(views: SentenceView[], text: string): Candidate[] {
  const events: Candidate[] = [];
  let others: Candidate[] = [];
  for (const view of views) {
    events.push(
      ...namedEventCandidates(view, text),
      ...titledEventCandidates(view, text),
      ...describedEventCandidates(view, text),
      ...datedElectionCandidates(view, text),
    );
    others.push(...facilityCandidates(view, text), ...groupingCandidates(view, text));
    for (const candidate of [...nerCandidates(view, text), ...gazetteerCandidates(view, text)]) {
      const outlet =
        ['ORGANIZATION', 'EVENT', 'LOCATION'].includes(candidate.type) &&
        !countryWithCapital(candidate.text) &&
        isOutletMention(view, candidate.tokenBegin, candidate.tokenEnd);
      const corrected = outlet ? undefined : correctByRole(view, applyCapitalMetonymy(view, candidate));
      if (corrected) others.push(corrected);
    }
    const acronyms = acronymDefinitions(view, text, others);
    others = others.filter((candidate) => !acronyms.replaced.has(candidate)).concat(acronyms.found);
  }
  return [...events, ...reassignEventNames(withoutEventOverlaps(others, events), events)];
}

function groupsOf(candidates: Candidate[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const candidate of candidates) {
    const key = candidate.canonicalKey ?? `${candidate.type}:${normalizeName(candidate.name)}`;
    const group = byKey.get(key) ?? { key, type: candidate.type, mentions: [] };
    group.mentions.push(candidate);
    byKey.set(key, group);
  }
  return mergeGroups([...byKey.values()]);
}

/** Titles written before each person's names: the formal title, and every descriptor for "the spokesperson". */
function titlesOf(groups: Group[], views: SentenceView[]): Map<Group, string[][]> {
  const titles = new Map<Group, string[][]>();
  for (const group of groups.filter((g) => g.type === 'PERSON')) {
    titles.set(
      group,
      group.mentions.map((m) => (views[m.sentence] ? titlesBefore(views[m.sentence] as SentenceView, m) : [])),
    );
  }
  return titles;
}

function firstMention(group: Group): number {
  return Math.min(...group.mentions.map((m) => m.start));
}

/**
 * The article's entities from CoreNLP's annotation, in the order the article
 * first mentions them: NER names mapped to our types, capitals standing for
 * countries, named and described events, facilities, then mentions clustered
 * (same name, surname, acronym, coreference) with titles, categories and
 * event dates.
 */
export function extractEntities(doc: NlpDocument, article: Article): ExtractedEntity[] {
  const views = sentenceViews(doc);
  const found = groupsOf(candidatesOf(views, article.text)).sort((a, b) => firstMention(a) - firstMention(b));
  const titles = titlesOf(found, views);
  attachTitleNominals(views, article.text, found, new Map([...titles].map(([group, lists]) => [group, lists.flat()])));
  attachEventNominals(views, article.text, found);
  const groups = [...found, ...attachDescribedEvents(views, article.text, found)].sort((a, b) => firstMention(a) - firstMention(b));
  attachCoreference(doc, views, article.text, groups);
  const eventMentions = groups.filter((g) => g.type === 'EVENT').flatMap((g) => g.mentions);
  const usedKeys = new Set<string>();
  return groups.map((group) => {
    const entity = buildEntity(group, usedKeys);
    if (group.type === 'PERSON') {
      const title = (titles.get(group) ?? []).map(formalTitle).find((value) => value !== undefined);
      if (title) entity.title = title;
    } else if (group.type === 'ORGANIZATION') {
      entity.category = organizationCategory(entity.name, group.mentions, views);
    } else if (group.type === 'EVENT') {
      Object.assign(entity, eventDates(group.mentions, eventMentions, views, article.publishedAt));
    }
    return entity;
  });
}
