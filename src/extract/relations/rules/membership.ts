import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { clauseDate, makeRelation, relationsAmong } from '../candidate.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type RuleContext, type SentenceRule } from './rule-context.js';
import { isUnitName } from './titles.js';

const MEMBER_TYPES = ['COUNTRY', 'ORGANIZATION'] as const;
const MEMBER_NOUNS = new Set(['member', 'members', 'member-state', 'ally', 'signatory']);

function memberRole(member: ExtractedEntity): string {
  return member.type === 'COUNTRY' ? 'member state' : 'member';
}

function resolveAll(graph: SentenceGraph, context: RuleContext, tokens: readonly number[]): ExtractedEntity[] {
  return compact(tokens.map((t) => context.lookup.resolve(graph.index, t, MEMBER_TYPES)));
}

/**
 * "the Shanghai Cooperation Organization, which includes both Russia and
 * China as members", "the alliance comprises A and B": an organization
 * that includes countries or organizations as its members. Without "as
 * members", only countries count (an organization "includes" programmes too).
 */
export const includesMembers: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    if (!['include', 'comprise', 'have', 'count', 'unite', 'group'].includes(graph.lemma(verb))) continue;
    const asMembers = graph.children(verb, 'obl:as').some((a) => MEMBER_NOUNS.has(graph.lemma(a.dep)) || graph.lemma(a.dep) === 'state');
    if (!asMembers && !['include', 'comprise', 'unite'].includes(graph.lemma(verb))) continue;
    // "the framework of the SCO, which includes …": the parser may hang the clause on the noun before the name.
    const subjects = graph.children(verb, 'nsubj').flatMap((a) => [a.dep, ...graph.children(a.dep, 'nmod:of').map((b) => b.dep)]);
    const orgs = compact(subjects.map((t) => context.lookup.resolve(graph.index, t, ['ORGANIZATION']))).slice(0, 1);
    const members = resolveAll(
      graph,
      context,
      graph.children(verb, 'obj').map((a) => a.dep),
    ).filter((m) => asMembers || m.type === 'COUNTRY');
    const first = Math.min(verb, ...graph.children(verb, 'nsubj').map((a) => a.dep));
    const last = Math.max(verb, ...graph.children(verb, 'obj', 'obl:as').map((a) => a.dep));
    found.push(
      ...relationsAmong(members, orgs, { type: 'MEMBER_OF', role: memberRole, graph, first, last, rule: 'organization-includes-members', confidence: 0.75 }),
    );
  }
  return compact(found);
};

/**
 * "A and B, both members of X", "A is a member of X", "X members A and B",
 * "member states A and B of X": a member noun tied to an organization and
 * to the entities it describes.
 */
export const memberNoun: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let noun = 0; noun < graph.length; noun++) {
    if (!MEMBER_NOUNS.has(graph.lemma(noun)) && !(graph.lemma(noun) === 'state' && graph.lemma(noun - 1) === 'member')) continue;
    const orgArcs = graph.children(noun, 'nmod:of', 'compound', 'nmod:poss', 'nmod:in');
    const orgs = compact(orgArcs.map((a) => context.lookup.resolve(graph.index, a.dep, ['ORGANIZATION'])));
    const memberTokens = [...graph.children(noun, 'appos', 'nsubj').map((a) => a.dep), ...graph.parents(noun, 'appos').map((a) => a.head)];
    const members = resolveAll(graph, context, memberTokens);
    const first = Math.min(noun, ...memberTokens, ...orgArcs.map((a) => a.dep));
    const last = Math.max(noun, ...memberTokens, ...orgArcs.map((a) => a.dep));
    found.push(...relationsAmong(members, orgs, { type: 'MEMBER_OF', role: memberRole, graph, first, last, rule: 'member-noun', confidence: 0.7 }));
  }
  return compact(found);
};

/** "Finland joined NATO in April 2023": joining dates the membership. */
export const joinsOrganization: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    if (!['join', 'accede'].includes(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB')) continue;
    const targets = [...graph.children(verb, 'obj'), ...graph.children(verb, 'obl:to')];
    const orgs = compact(targets.map((a) => context.lookup.resolve(graph.index, a.dep, ['ORGANIZATION'])));
    const subjects = graph.children(verb, 'nsubj');
    const members = resolveAll(
      graph,
      context,
      subjects.map((a) => a.dep),
    );
    const startDate = clauseDate(graph, verb, context.article);
    const first = Math.min(verb, ...subjects.map((a) => a.dep));
    const last = Math.max(verb, ...targets.map((a) => a.dep));
    found.push(
      ...relationsAmong(members, orgs, { type: 'MEMBER_OF', role: memberRole, graph, first, last, startDate, rule: 'joins-organization', confidence: 0.7 }),
    );
  }
  return compact(found);
};

/**
 * "NATO's Allied Maritime Command", "the Northern Fleet of the Russian
 * Navy": a unit named as belonging to a larger organization.
 */
export const organizationWithinOrganization: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const unit of context.lookup.mentionsIn(graph.index)) {
    if (unit.entity.type !== 'ORGANIZATION' || !isUnitName(unit.entity.name)) continue;
    for (const arc of graph.children(unit.head, 'nmod:poss', 'nmod:of')) {
      const parent = context.lookup.resolve(graph.index, arc.dep, ['ORGANIZATION']);
      if (!parent) continue;
      const first = Math.min(arc.dep, unit.mention.tokenBegin);
      const last = Math.max(arc.dep, unit.mention.tokenEnd - 1);
      found.push(
        makeRelation({ type: 'MEMBER_OF', from: unit.entity, to: parent, graph, first, last, rule: 'organization-within-organization', confidence: 0.7 }),
      );
    }
  }
  return compact(found);
};

/**
 * "Standing NATO Maritime Group 1": a unit whose name holds the name of
 * another organization of the article belongs to it.
 */
export const unitNamedAfterOrganization: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const unit of context.lookup.mentionsIn(graph.index)) {
    if (unit.entity.type !== 'ORGANIZATION' || unit.mention.kind !== 'name' || !isUnitName(unit.entity.name)) continue;
    const words = ` ${unit.entity.name} `;
    for (const parent of context.lookup.entities) {
      if (parent.type !== 'ORGANIZATION' || parent.key === unit.entity.key) continue;
      if (![parent.name, ...parent.aliases].some((name) => words.includes(` ${name} `))) continue;
      found.push(
        makeRelation({
          type: 'MEMBER_OF',
          from: unit.entity,
          to: parent,
          graph,
          first: unit.mention.tokenBegin,
          last: unit.mention.tokenEnd - 1,
          rule: 'unit-named-after-organization',
          confidence: 0.6,
        }),
      );
    }
  }
  return compact(found);
};

const PACT_NOUNS = new Set(['pact', 'alliance', 'partnership', 'bloc', 'coalition', 'treaty', 'grouping']);

/** "the AUKUS pact between Australia, the United Kingdom and the United States": the parties are its members. */
export const pactBetween: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let noun = 0; noun < graph.length; noun++) {
    if (!PACT_NOUNS.has(graph.lemma(noun))) continue;
    const org =
      context.lookup.resolve(graph.index, noun, ['ORGANIZATION']) ??
      compact(graph.children(noun, 'compound').map((a) => context.lookup.resolve(graph.index, a.dep, ['ORGANIZATION'])))[0];
    const parties = graph.children(noun, 'nmod:between', 'nmod:among', 'nmod:of').map((a) => a.dep);
    const members = resolveAll(graph, context, parties);
    const first = Math.min(noun - 1, ...parties);
    const last = Math.max(noun, ...parties);
    for (const member of members) {
      found.push(
        makeRelation({ type: 'MEMBER_OF', from: member, to: org, role: memberRole(member), graph, first, last, rule: 'pact-between', confidence: 0.65 }),
      );
    }
  }
  return compact(found);
};

/** "the president's Social Democratic Party": a person's party. */
export const personsParty: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const party of context.lookup.mentionsIn(graph.index)) {
    if (party.entity.type !== 'ORGANIZATION' || !/\bparty\b/i.test(party.entity.name)) continue;
    for (const arc of graph.children(party.head, 'nmod:poss')) {
      const person = context.lookup.resolve(graph.index, arc.dep, ['PERSON']);
      found.push(
        makeRelation({
          type: 'MEMBER_OF',
          from: person,
          to: party.entity,
          role: 'member',
          graph,
          first: arc.dep,
          last: party.mention.tokenEnd - 1,
          rule: 'persons-party',
          confidence: 0.6,
        }),
      );
    }
  }
  return compact(found);
};
