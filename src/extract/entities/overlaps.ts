import { normalizeName } from '../../model/names.js';
import type { Candidate } from './candidate.js';

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.sentence === b.sentence && a.tokenBegin < b.tokenEnd && b.tokenBegin < a.tokenEnd;
}

/**
 * Inside an event's own name, NER's guesses are fragments ("West" of
 * "West/Interaction-2021" as a place); a confident person, organization or
 * country inside it ("the NATO summit") stays.
 */
export function withoutEventOverlaps(candidates: Candidate[], events: Candidate[]): Candidate[] {
  const named = events.filter((event) => event.rule.startsWith('event:named'));
  return candidates.filter((candidate) => {
    const covering = named.filter((event) => overlaps(event, candidate));
    if (covering.length === 0) return true;
    // An exercise's name is all name ("Garuda Southern Cross" is no organization); an occasion's may hold one.
    if (covering.some((event) => event.rule !== 'event:named-occasion')) return false;
    return ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION'].includes(candidate.type) && candidate.confidence >= 0.6;
  });
}

function stem(name: string): string {
  return normalizeName(name.replace(/[\s\-/]*\d+$/, ''));
}

/**
 * A name NER typed otherwise that is an event's name, with or without its
 * number ("taking part in Amber Shield", tagged a place): a mention of the event.
 */
export function reassignEventNames(candidates: Candidate[], events: Candidate[]): Candidate[] {
  const eventNames = new Map<string, Candidate>();
  for (const event of events.filter((e) => e.rule.startsWith('event:named'))) {
    eventNames.set(normalizeName(event.name), event);
    eventNames.set(stem(event.name), event);
  }
  return candidates.map((candidate) => {
    if (candidate.type === 'EVENT' || candidate.type === 'PERSON' || candidate.canonicalKey) return candidate;
    const event = eventNames.get(normalizeName(candidate.name));
    return event
      ? { ...candidate, type: 'EVENT', rule: `${candidate.rule}+event-name`, confidence: Math.min(candidate.confidence, event.confidence) }
      : candidate;
  });
}
