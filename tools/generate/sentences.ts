import type { BundleEntity, BundleRelation } from '../../src/model/bundle-schema.js';
import type { Random } from './random.js';

/**
 * The sentences a document is made of. Each one names the entity or both ends
 * of the relation it reports, and becomes that report's quote. Text stays
 * ASCII, so code-point offsets are plain string offsets.
 */

export function entitySentence(entity: BundleEntity, random: Random): string {
  const name = entity.name;
  switch (entity.type) {
    case 'PERSON': {
      const who = entity.title ? `${entity.title} ${name}` : name;
      return random.pick([`${who} spoke to reporters on Tuesday.`, `${who} declined to comment.`, `${who} arrived for talks.`]);
    }
    case 'ORGANIZATION':
      return random.pick([`${name} issued a statement.`, `${name} released a report on the situation.`, `A delegation from ${name} was present.`]);
    case 'COUNTRY':
      return random.pick([`Officials in ${name} declined to comment.`, `${name} recalled its ambassador.`, `The government of ${name} called for calm.`]);
    case 'LOCATION':
      return random.pick([`Residents of ${name} reported explosions overnight.`, `Traffic through ${name} was suspended.`, `Crowds gathered in ${name}.`]);
    case 'EVENT':
      if (!entity.startDate) return `${name} drew wide attention.`;
      return `${name} began ${entity.startDate.length === 10 ? 'on' : 'in'} ${entity.startDate}.`;
  }
}

export function relationSentence(relation: BundleRelation, fromName: string, toName: string, random: Random): string {
  const role = relation.role;
  switch (relation.type) {
    case 'PARTICIPATES_IN':
      return role ? `${fromName} took part in ${toName} as ${role}.` : random.pick([`${fromName} took part in ${toName}.`, `${fromName} joined ${toName}.`]);
    case 'COMMANDS':
      return role ? `${fromName} served as ${role} of ${toName}.` : random.pick([`${fromName} commands ${toName}.`, `${fromName} led ${toName}.`]);
    case 'MEMBER_OF':
      return role
        ? `${fromName} is listed as ${role} of ${toName}.`
        : random.pick([`${fromName} is a member of ${toName}.`, `${fromName} belongs to ${toName}.`]);
    case 'LOCATED_IN':
      return random.pick([`${fromName} is located in ${toName}.`, `${fromName} lies within ${toName}.`]);
  }
}

/** The same sentence as a statement someone made. */
export function attributed(sentence: string, speaker: string): string {
  return `${sentence.slice(0, -1)}, according to ${speaker}.`;
}

const SENTENCES_PER_PARAGRAPH = 6;

/** Appends sentences into a document text and returns where each one landed. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private sentences = 0;

  append(sentence: string): { start: number; end: number } {
    if (this.sentences > 0) {
      const separator = this.sentences % SENTENCES_PER_PARAGRAPH === 0 ? '\n\n' : ' ';
      this.parts.push(separator);
      this.length += separator.length;
    }
    const start = this.length;
    this.parts.push(sentence);
    this.length += sentence.length;
    this.sentences++;
    return { start, end: this.length };
  }

  text(): string {
    return this.parts.join('');
  }
}
