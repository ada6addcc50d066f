import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { makeRelation } from '../candidate.js';
import type { MentionAt } from '../entity-lookup.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type RuleContext, type SentenceRule } from './rule-context.js';
import { ministryOfTitle } from './ministries.js';
import { isLeaderRole, isRank, isUnitName, titleRunBefore } from './titles.js';

function personMentions(graph: SentenceGraph, context: RuleContext): MentionAt[] {
  return context.lookup.mentionsIn(graph.index).filter((m) => m.entity.type === 'PERSON' && m.mention.kind !== 'pronoun');
}

/** The organization (or ministry) a title names, and the relation it implies. */
function titledRelation(
  person: ExtractedEntity,
  org: ExtractedEntity | undefined,
  role: string,
  graph: SentenceGraph,
  first: number,
  last: number,
  rule: string,
  confidence: number,
): ExtractedRelation | undefined {
  const type = isLeaderRole(role) ? 'COMMANDS' : 'MEMBER_OF';
  return makeRelation({ type, from: person, to: org, role: role.toLowerCase(), graph, first, last, rule, confidence });
}

/**
 * "Defense Ministry spokesperson Wu Qian", "PLA Lieutenant General Liu
 * Xiaowu": an organization's name, a title, then the person's name.
 * Without an organization before the title, a minister's title is matched
 * to the article's ministry ("Lithuanian Defence Minister …").
 */
export const titleBeforeName: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const person of personMentions(graph, context)) {
    const run = titleRunBefore(graph, person.mention.tokenBegin);
    if (!run) continue;
    const role = graph.text(run.begin, run.end - 1);
    let orgEnd = run.begin - 1;
    if (graph.pos(orgEnd) === 'POS') orgEnd--;
    const org = context.lookup.at(graph.index, orgEnd);
    if (org?.entity.type === 'ORGANIZATION') {
      const first = Math.min(org.mention.tokenBegin, orgEnd);
      found.push(titledRelation(person.entity, org.entity, role, graph, first, person.mention.tokenEnd - 1, 'title-before-name', 0.8));
      continue;
    }
    const nationality = graph.ner(run.begin - 1) === 'NATIONALITY' ? graph.word(run.begin - 1) : undefined;
    // Without the nationality, "Defence Minister" may be the other country's minister ("his Australian counterpart, Defence Minister …").
    if (!nationality) continue;
    const ministry = ministryOfTitle(role, nationality, context.lookup.entities);
    const first = nationality ? run.begin - 1 : run.begin;
    found.push(titledRelation(person.entity, ministry, role, graph, first, person.mention.tokenEnd - 1, 'minister-title-to-ministry', 0.6));
  }
  return compact(found);
};

/** "Rear Admiral Katrin Vollmer of the German Navy": the title before the name is the role. */
export const personOfOrganization: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const person of personMentions(graph, context)) {
    for (const arc of graph.children(person.head, 'nmod:of', 'nmod:from', 'nmod:at')) {
      // "of the National Renewal party": the noun after the name stands for it.
      const org = context.lookup.resolve(graph.index, arc.dep, ['ORGANIZATION']);
      if (!org) continue;
      const run = titleRunBefore(graph, person.mention.tokenBegin);
      const role = run ? graph.text(run.begin, run.end - 1) : '';
      const first = run?.begin ?? person.mention.tokenBegin;
      const last = arc.dep;
      const type = isLeaderRole(role) ? 'COMMANDS' : 'MEMBER_OF';
      found.push(
        makeRelation({
          type,
          from: person.entity,
          to: org,
          role: role.toLowerCase() || undefined,
          graph,
          first,
          last,
          rule: 'person-of-organization',
          confidence: 0.7,
        }),
      );
    }
  }
  return compact(found);
};

/**
 * "Chinese People's Liberation Army Lieutenant General Liu Xiaowu, deputy
 * commander of the Western Theater Command": an officer who holds a rank
 * in one force and a post in a unit tells that the unit belongs to that force.
 */
export function unitsOfService(relations: readonly ExtractedRelation[], context: RuleContext, graph: SentenceGraph): ExtractedRelation[] {
  const byKey = new Map(context.lookup.entities.map((e) => [e.key, e]));
  const found: (ExtractedRelation | undefined)[] = [];
  for (const service of relations) {
    if (service.rule !== 'title-before-name' || service.type !== 'MEMBER_OF' || !isRank(service.role ?? '')) continue;
    for (const post of relations) {
      if (post === service || post.from !== service.from || post.rule !== 'title-apposition') continue;
      const unit = byKey.get(post.to);
      if (!unit || unit.type !== 'ORGANIZATION' || !isUnitName(unit.name)) continue;
      const relation = makeRelation({
        type: 'MEMBER_OF',
        from: unit,
        to: byKey.get(service.to),
        graph,
        first: 0,
        last: 0,
        rule: 'unit-of-officers-service',
        confidence: 0.5,
      });
      if (relation)
        found.push({
          ...relation,
          evidence: { start: Math.min(service.evidence.start, post.evidence.start), end: Math.max(service.evidence.end, post.evidence.end) },
        });
    }
  }
  return compact(found);
}
