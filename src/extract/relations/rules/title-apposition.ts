import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { makeRelation, phraseStart } from '../candidate.js';
import type { MentionAt } from '../entity-lookup.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type RuleContext, type SentenceRule } from './rule-context.js';
import { isLeaderRole, isRoleToken } from './titles.js';

const BOUNDARY = new Set([',', '.', ';', ':', '(', ')', '--', '-LRB-', '-RRB-', '"', "''", '``']);

interface RoleSegment {
  head: number;
  first: number;
  last: number;
}

/** The appositive titles of a person, each with the stretch of text it governs up to the next title or comma. */
function roleSegments(graph: SentenceGraph, personHead: number, personBegin: number): RoleSegment[] {
  const heads = new Set<number>();
  for (const arc of graph.children(personHead, 'appos')) heads.add(arc.dep);
  for (const arc of graph.parents(personHead, 'appos')) heads.add(arc.head);
  for (const head of [...heads]) for (const arc of graph.children(head, 'conj')) heads.add(arc.dep);
  const sorted = [...heads].filter((h) => h >= 0 && isRoleToken(graph, h)).sort((a, b) => a - b);
  return sorted.map((head, k) => {
    const first = phraseStart(graph, head);
    const next = sorted[k + 1];
    let last = head;
    const stop = next !== undefined ? phraseStart(graph, next) : graph.length;
    // A relative clause ("who led …") is a statement of its own, not part of the title.
    while (last + 1 < stop && !BOUNDARY.has(graph.word(last + 1)) && !['WP', 'WDT'].includes(graph.pos(last + 1)) && last + 1 !== personBegin) last++;
    while (last > head && (graph.pos(last) === 'CC' || BOUNDARY.has(graph.word(last)))) last--;
    return { head, first, last };
  });
}

function directlyGoverned(graph: SentenceGraph, roleHead: number, entityHead: number): boolean {
  return (
    graph.parents(entityHead, 'nmod', 'compound').some((a) => a.head === roleHead) || graph.parents(roleHead, 'compound').some((a) => a.head === entityHead)
  );
}

/** The segment's words without the organization's own name: "commander of the mine countermeasures flotilla". */
function roleWithout(graph: SentenceGraph, segment: RoleSegment, begin: number, end: number): string {
  const words: string[] = [];
  for (let i = segment.first; i <= segment.last; i++) {
    if ((i >= begin && i < end) || (i === end && graph.pos(i) === 'POS')) continue;
    words.push(graph.word(i));
  }
  return words.join(' ');
}

/**
 * "Wu Qian, spokesperson of the Defense Ministry", "Liu Xiaowu, deputy
 * commander of the Western Theater Command and commanding officer of
 * Chinese troops in the forthcoming exercise", "its chief of staff,
 * Admiral Hendra Saputra". The organization a title governs directly is
 * the one the person serves (or commands, for a leader's title); one
 * reached through another noun ("the Navy's flotilla") only gives
 * membership. A leader's title over an event commands the event.
 */
export const titleApposition: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const person of context.lookup.mentionsIn(graph.index)) {
    if (person.entity.type !== 'PERSON' || person.mention.kind === 'pronoun') continue;
    for (const segment of roleSegments(graph, person.head, person.mention.tokenBegin)) {
      const rolePhrase = graph.text(segment.first, segment.head);
      const seen = new Set<string>();
      for (let i = segment.first; i <= segment.last; i++) {
        const at = context.lookup.at(graph.index, i) ?? resolvedAt(graph, context, i);
        if (!at || seen.has(at.entity.key) || at.entity.key === person.entity.key) continue;
        seen.add(at.entity.key);
        const span = [Math.min(segment.first, person.mention.tokenBegin), Math.max(segment.last, person.mention.tokenEnd - 1)] as const;
        found.push(relationFor(graph, person.entity, at, segment, rolePhrase, span));
      }
      found.push(...clauseMemberships(graph, context, person.entity, segment, rolePhrase));
    }
  }
  return compact(found);
};

/** A token that stands for an entity without being one of its mentions ("the forthcoming exercise"), as a one-word mention. */
function resolvedAt(graph: SentenceGraph, context: RuleContext, token: number): MentionAt | undefined {
  if (!graph.pos(token).startsWith('NN')) return undefined;
  const entity = context.lookup.resolve(graph.index, token, ['ORGANIZATION', 'EVENT']);
  if (!entity) return undefined;
  const { characterOffsetBegin: start = 0, characterOffsetEnd: end = 0, word = '' } = graph.token(token) ?? {};
  return {
    entity,
    head: token,
    mention: { sentence: graph.index, tokenBegin: token, tokenEnd: token + 1, start, end, text: word, kind: 'nominal', rule: 'resolved' },
  };
}

const SERVICE_VERBS = new Set(['lead', 'command', 'head', 'serve', 'join', 'run', 'direct', 'chair']);

/**
 * "Rodrigo Alvear, a retired admiral who led the Chilean Navy": the
 * relative clause on the title names the organization the title was held
 * in; the leading itself is the command verb rule's.
 */
function clauseMemberships(
  graph: SentenceGraph,
  context: RuleContext,
  person: ExtractedEntity,
  segment: RoleSegment,
  rolePhrase: string,
): (ExtractedRelation | undefined)[] {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const clause of graph.children(segment.head, 'acl:relcl')) {
    if (!SERVICE_VERBS.has(graph.lemma(clause.dep))) continue;
    for (const arc of graph.children(clause.dep, 'obj', 'obl:in', 'obl:with')) {
      const org = context.lookup.resolve(graph.index, arc.dep, ['ORGANIZATION']);
      found.push(
        makeRelation({
          type: 'MEMBER_OF',
          from: person,
          to: org,
          role: rolePhrase.toLowerCase(),
          graph,
          first: segment.first,
          last: arc.dep,
          rule: 'title-with-service-clause',
          confidence: 0.6,
        }),
      );
    }
  }
  return found;
}

function relationFor(
  graph: SentenceGraph,
  person: ExtractedEntity,
  at: MentionAt,
  segment: RoleSegment,
  rolePhrase: string,
  span: readonly [number, number],
): ExtractedRelation | undefined {
  const { entity: target, head: targetHead } = at;
  const targetStart = Math.max(segment.first, at.mention.tokenBegin);
  const common = { from: person, to: target, graph, first: span[0], last: span[1], rule: 'title-apposition' };
  const leader = isLeaderRole(rolePhrase);
  if (target.type === 'EVENT') {
    if (!leader) return undefined;
    let roleEnd = targetStart - 1;
    while (roleEnd > segment.head && ['IN', 'DT', 'JJ', 'VBG', 'VBN'].includes(graph.pos(roleEnd))) roleEnd--;
    return makeRelation({ ...common, type: 'COMMANDS', role: graph.text(segment.first, roleEnd).toLowerCase(), confidence: 0.65 });
  }
  if (target.type !== 'ORGANIZATION') return undefined;
  if (directlyGoverned(graph, segment.head, targetHead)) {
    return makeRelation({ ...common, type: leader ? 'COMMANDS' : 'MEMBER_OF', role: rolePhrase.toLowerCase(), confidence: 0.75 });
  }
  return makeRelation({
    ...common,
    type: 'MEMBER_OF',
    role: roleWithout(graph, segment, at.mention.tokenBegin, at.mention.tokenEnd).toLowerCase(),
    confidence: 0.6,
  });
}
