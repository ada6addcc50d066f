import type { ExtractedRelation } from '../types.js';

/**
 * One relation per (type, from, to): the most confident statement's
 * evidence (the tighter quote on a tie), with a role and dates taken from
 * another statement when the best one has none.
 */
export function mergeRelations(relations: readonly ExtractedRelation[]): ExtractedRelation[] {
  const groups = new Map<string, ExtractedRelation[]>();
  for (const relation of relations) {
    const key = `${relation.type}|${relation.from}|${relation.to}`;
    groups.set(key, [...(groups.get(key) ?? []), relation]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => b.confidence - a.confidence || a.evidence.end - a.evidence.start - (b.evidence.end - b.evidence.start));
    const best = { ...sorted[0]! };
    const role = sorted.find((r) => r.role)?.role;
    if (!best.role && role) best.role = role;
    const startDate = sorted.find((r) => r.startDate)?.startDate;
    if (!best.startDate && startDate) best.startDate = startDate;
    return best;
  });
}

/**
 * A KBP slot is the weakest reading of a pair: where a rule found any
 * relation between the same two entities, the slot adds nothing but noise.
 */
export function dropKbpWhereRulesSpoke(relations: readonly ExtractedRelation[]): ExtractedRelation[] {
  const pair = (r: ExtractedRelation) => [r.from, r.to].sort().join('|');
  const byRules = new Set(relations.filter((r) => !r.rule.startsWith('kbp:')).map(pair));
  return relations.filter((r) => !r.rule.startsWith('kbp:') || !byRules.has(pair(r)));
}
