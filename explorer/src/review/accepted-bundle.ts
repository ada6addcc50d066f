import type { Review } from './decisions.js';
import { subjectOf, type DraftBundle, type DraftRelation, type DraftReport, type DraftSource } from './types.js';

const MAX_ID = 200;

/** The seed's convention, `liu-xiaowu-commands-zapad-interaction-2021`: an id that names the fact. */
function relationId(relation: Pick<DraftRelation, 'type' | 'from' | 'to'>): string {
  const id = `${relation.from}-${relation.type.toLowerCase().replaceAll('_', '-')}-${relation.to}`;
  return id.length <= MAX_ID ? id : id.slice(0, MAX_ID).replace(/-+$/, '');
}

function unique(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${id.slice(0, MAX_ID - String(n).length - 1)}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The draft with only what the analyst accepted, ready for `ingestBundle`:
 * corrections applied, rejected records and their reports left out, sources
 * kept only while a report still cites them, and every report marked
 * `reviewed` (its rule and confidence kept, so one can still tell which rule
 * proposed it).
 */
export function acceptedBundle(review: Review): DraftBundle {
  const draft = review.draft;
  const entities = draft.entities.filter((entity) => review.entityDecision(entity.id) === 'accepted');
  const keptEntities = new Set(entities.map((entity) => entity.id));

  // A corrected type or end is another fact, so it gets the id of that fact; a changed role is the same fact.
  // A correction may also turn a relation into one already proposed: it joins it, with its quotes.
  const takenIds = new Set<string>();
  const renamed = new Map<string, string>();
  const byFact = new Map<string, DraftRelation>();
  const relations: DraftRelation[] = [];
  for (const relation of draft.relations) {
    if (review.relationDecision(relation.id) !== 'accepted' || review.relationProblem(relation.id)) continue;
    const values = review.relationValues(relation.id);
    if (!keptEntities.has(values.from) || !keptEntities.has(values.to)) continue;
    const role = values.role.trim();
    const fact = `${values.type} ${values.from} ${values.to}`;
    const same = byFact.get(fact);
    if (same) {
      renamed.set(relation.id, same.id);
      if (!same.role && role) same.role = role;
      continue;
    }
    const sameFact = values.type === relation.type && values.from === relation.from && values.to === relation.to;
    const id = unique(sameFact ? relation.id : relationId(values), takenIds);
    renamed.set(relation.id, id);
    const { role: _draftRole, ...rest } = relation;
    const kept: DraftRelation = { ...rest, id, type: values.type, from: values.from, to: values.to, ...(role ? { role } : {}) };
    byFact.set(fact, kept);
    relations.push(kept);
  }

  const reports: DraftReport[] = [];
  for (const report of draft.reports) {
    const subject = subjectOf(report);
    if (subject.kind === 'entity' && !keptEntities.has(subject.id)) continue;
    if (subject.kind === 'relation' && !renamed.has(subject.id)) continue;
    const { attributedTo, ...rest } = report;
    reports.push({
      ...rest,
      subject: subject.kind === 'entity' ? { entity: subject.id } : { relation: renamed.get(subject.id)! },
      // Attributed to someone the analyst rejected: the quote still stands, the attribution cannot.
      ...(attributedTo && keptEntities.has(attributedTo) ? { attributedTo } : {}),
      method: 'reviewed',
    });
  }

  const cited = new Set(reports.map((report) => report.source));
  const sources: DraftSource[] = draft.sources
    .filter((source) => cited.has(source.id))
    .map(({ entity, ...source }) => (entity && keptEntities.has(entity) ? { ...source, entity } : source));

  return { ...draft, sources, entities, relations, reports };
}
