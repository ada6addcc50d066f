import type { NlpDocument } from '../../nlp/annotation.js';
import type { Article, ExtractedEntity, ExtractedRelation } from '../types.js';
import { EntityLookup } from './entity-lookup.js';
import { dropKbpWhereRulesSpoke, mergeRelations } from './merge.js';
import { appointedLeader, changeOfCommand, commandVerb, ledBy } from './rules/commands.js';
import { worksAt } from './rules/employment.js';
import { participationNoun, sendsForces } from './rules/contributions.js';
import type { RuleContext, SentenceRule } from './rules/rule-context.js';
import { kbpTriples } from './rules/kbp.js';
import { datelinePlace, eventPlace, nationalityOfPlace, placeInPlace } from './rules/location.js';
import {
  includesMembers,
  joinsOrganization,
  memberNoun,
  organizationWithinOrganization,
  pactBetween,
  personsParty,
  unitNamedAfterOrganization,
} from './rules/membership.js';
import { eventWordArguments, participationVerb } from './rules/participation.js';
import { personOfOrganization, titleBeforeName, unitsOfService } from './rules/person-titles.js';
import { titleApposition } from './rules/title-apposition.js';

/** Every sentence rule; each names itself in the relations it makes (the report's provenance). */
export const SENTENCE_RULES: readonly SentenceRule[] = [
  titleBeforeName,
  titleApposition,
  personOfOrganization,
  includesMembers,
  memberNoun,
  joinsOrganization,
  organizationWithinOrganization,
  unitNamedAfterOrganization,
  pactBetween,
  personsParty,
  worksAt,
  commandVerb,
  ledBy,
  changeOfCommand,
  appointedLeader,
  participationVerb,
  eventWordArguments,
  participationNoun,
  sendsForces,
  eventPlace,
  placeInPlace,
  nationalityOfPlace,
  datelinePlace,
  kbpTriples,
];

/** Evidence that cuts a name of either end ("Wei commands the Northern Fleet") is widened to the whole name. */
function widenToMentions(relation: ExtractedRelation, entities: readonly ExtractedEntity[]): ExtractedRelation {
  const evidence = { ...relation.evidence };
  for (const entity of entities) {
    if (entity.key !== relation.from && entity.key !== relation.to) continue;
    for (const mention of entity.mentions) {
      if (mention.sentence !== relation.sentence || mention.end <= evidence.start || mention.start >= evidence.end) continue;
      evidence.start = Math.min(evidence.start, mention.start);
      evidence.end = Math.max(evidence.end, mention.end);
    }
  }
  return { ...relation, evidence };
}

/**
 * The relations an article states between the entities found in it,
 * one per (type, from, to), each with the sentence that states it best.
 */
export function extractRelations(doc: NlpDocument, entities: readonly ExtractedEntity[], article: Article): ExtractedRelation[] {
  const lookup = new EntityLookup(doc, entities);
  const context: RuleContext = { lookup, article };
  const all: ExtractedRelation[] = [];
  for (const graph of lookup.graphs) {
    const inSentence = SENTENCE_RULES.flatMap((rule) => rule(graph, context));
    all.push(...inSentence, ...unitsOfService(inSentence, context, graph));
  }
  return mergeRelations(dropKbpWhereRulesSpoke(all)).map((r) => widenToMentions(r, entities));
}
