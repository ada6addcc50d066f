import type { ExtractedEntity } from '../types.js';
import type { EntityLookup } from '../relations/entity-lookup.js';
import type { SentenceGraph } from '../relations/sentence-graph.js';

const SPEAKER_TYPES = ['PERSON', 'ORGANIZATION'] as const;
/** Who speaks for an organization: "a ministry spokesperson said" is the ministry speaking. */
const MOUTHPIECE_NOUNS = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'statement', 'office']);
/** What carries someone's words: "according to a schedule published by NATO's Allied Maritime Command". */
const DOCUMENT_NOUNS = new Set([
  'schedule',
  'statement',
  'report',
  'document',
  'communique',
  'communiqué',
  'release',
  'letter',
  'memo',
  'plan',
  'announcement',
  'readout',
]);

/**
 * A common noun that repeats the head of an organization's name already
 * given ("the ministry" after "the Lithuanian Ministry of National
 * Defence"): the nearest such organization before it.
 */
function nominalOrganization(lookup: EntityLookup, graph: SentenceGraph, token: number): ExtractedEntity | undefined {
  if (!graph.pos(token).startsWith('NN') || graph.pos(token).startsWith('NNP')) return undefined;
  const noun = graph.lemma(token);
  for (let s = graph.index; s >= Math.max(0, graph.index - 3); s--) {
    const mentions = lookup.mentionsIn(s).filter((m) => s < graph.index || m.mention.tokenBegin < token);
    for (const m of mentions.reverse()) {
      if (m.entity.type === 'ORGANIZATION' && m.entity.name.toLowerCase().split(/\s+/).includes(noun)) return m.entity;
    }
  }
  return undefined;
}

/** The person or organization a noun phrase names as the one speaking, if any. */
export function speakerAt(lookup: EntityLookup, graph: SentenceGraph, token: number): ExtractedEntity | undefined {
  const direct = lookup.resolve(graph.index, token, SPEAKER_TYPES);
  if (direct) return direct;
  const lemma = graph.lemma(token);
  if (MOUTHPIECE_NOUNS.has(lemma)) {
    for (const arc of graph.children(token, 'compound', 'nmod:of', 'nmod:poss', 'nmod:for')) {
      const owner = lookup.resolve(graph.index, arc.dep, ['ORGANIZATION']) ?? nominalOrganization(lookup, graph, arc.dep);
      if (owner) return owner;
    }
  }
  if (DOCUMENT_NOUNS.has(lemma)) {
    for (const arc of graph.children(token, 'acl', 'nmod:by', 'nmod:from', 'nmod:poss')) {
      const author = lookup.resolve(graph.index, arc.dep, SPEAKER_TYPES) ?? agentOf(lookup, graph, arc.dep);
      if (author) return author;
    }
  }
  return nominalOrganization(lookup, graph, token);
}

function agentOf(lookup: EntityLookup, graph: SentenceGraph, verb: number): ExtractedEntity | undefined {
  for (const arc of graph.children(verb, 'obl:agent', 'obl:by')) {
    const agent = lookup.resolve(graph.index, arc.dep, SPEAKER_TYPES);
    if (agent) return agent;
  }
  return undefined;
}
