import { RELATION_ENDPOINTS, type RelationType } from '../types.js';
import type { DraftBundle, DraftRelation } from './types.js';

export type Decision = 'undecided' | 'accepted' | 'rejected';

/** A relation as the analyst left it: the draft's values until corrected. */
export interface RelationValues {
  type: RelationType;
  from: string;
  to: string;
  /** Empty means no role. */
  role: string;
}

const valuesOf = (relation: DraftRelation): RelationValues => ({ type: relation.type, from: relation.from, to: relation.to, role: relation.role ?? '' });

/**
 * The analyst's decisions on one draft. Nothing is accepted until the analyst
 * says so: a machine's proposal must not reach the graph by default.
 */
export class Review {
  private readonly entityDecisions = new Map<string, Decision>();
  private readonly relationDecisions = new Map<string, Decision>();
  private readonly values = new Map<string, RelationValues>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly draft: DraftBundle) {
    for (const entity of draft.entities) this.entityDecisions.set(entity.id, 'undecided');
    for (const relation of draft.relations) {
      this.relationDecisions.set(relation.id, 'undecided');
      this.values.set(relation.id, valuesOf(relation));
    }
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  entityDecision(id: string): Decision {
    return this.entityDecisions.get(id) ?? 'rejected';
  }

  relationDecision(id: string): Decision {
    return this.relationDecisions.get(id) ?? 'rejected';
  }

  relationValues(id: string): RelationValues {
    const values = this.values.get(id);
    if (!values) throw new Error(`No relation ${id} in the draft`);
    return values;
  }

  isCorrected(id: string): boolean {
    const draft = this.draft.relations.find((relation) => relation.id === id);
    const now = this.values.get(id);
    if (!draft || !now) return false;
    const before = valuesOf(draft);
    return before.type !== now.type || before.from !== now.from || before.to !== now.to || before.role !== now.role.trim();
  }

  setEntity(id: string, decision: Decision): void {
    this.entityDecisions.set(id, decision);
    // A relation cannot stand without its ends.
    if (decision === 'rejected')
      for (const [relationId, values] of this.values) if (values.from === id || values.to === id) this.relationDecisions.set(relationId, 'rejected');
    this.changed();
  }

  /** Accepting a relation accepts its undecided ends; it is refused (returns the reason) while the relation is not valid. */
  setRelation(id: string, decision: Decision): string | null {
    if (decision === 'accepted') {
      const problem = this.relationProblem(id);
      if (problem) return problem;
      const { from, to } = this.relationValues(id);
      for (const end of [from, to]) if (this.entityDecision(end) === 'undecided') this.entityDecisions.set(end, 'accepted');
    }
    this.relationDecisions.set(id, decision);
    this.changed();
    return null;
  }

  correct(id: string, patch: Partial<RelationValues>): void {
    this.values.set(id, { ...this.relationValues(id), ...patch });
    // A correction that breaks the relation takes back its acceptance rather than leave an invalid fact accepted.
    if (this.relationDecision(id) === 'accepted' && this.relationProblem(id)) this.relationDecisions.set(id, 'undecided');
    this.changed();
  }

  /** Why the relation, as it stands, cannot be ingested; null when it can. */
  relationProblem(id: string): string | null {
    const { type, from, to } = this.relationValues(id);
    if (from === to) return 'A relation must join two different entities.';
    const types = new Map(this.draft.entities.map((entity) => [entity.id, entity.type]));
    const allowed = RELATION_ENDPOINTS[type];
    const fromType = types.get(from);
    const toType = types.get(to);
    if (!fromType || !allowed.from.includes(fromType)) return `${type} must start at ${allowed.from.join(', ').toLowerCase()}.`;
    if (!toType || !allowed.to.includes(toType)) return `${type} must end at ${allowed.to.join(', ').toLowerCase()}.`;
    for (const end of [from, to]) if (this.entityDecision(end) === 'rejected') return 'One of its entities is rejected.';
    return null;
  }

  /** Accepts everything still undecided that can be accepted: the analyst's "the rest is right". */
  acceptUndecided(): void {
    for (const [id, decision] of this.entityDecisions) if (decision === 'undecided') this.entityDecisions.set(id, 'accepted');
    for (const [id, decision] of this.relationDecisions) if (decision === 'undecided' && !this.relationProblem(id)) this.relationDecisions.set(id, 'accepted');
    this.changed();
  }

  counts(): Record<'entities' | 'relations', Record<Decision, number>> {
    const tally = (decisions: Iterable<Decision>) => {
      const out: Record<Decision, number> = { undecided: 0, accepted: 0, rejected: 0 };
      for (const decision of decisions) out[decision] += 1;
      return out;
    };
    return { entities: tally(this.entityDecisions.values()), relations: tally(this.relationDecisions.values()) };
  }
}
