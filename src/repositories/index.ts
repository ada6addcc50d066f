import { ChangeLog } from '../changes/change-log.js';
import type { Executor } from '../db/executor.js';
import { Bundles } from './bundles.js';
import { EntityEdits } from './entity-edits.js';
import { EntityRepository } from './entity-repository.js';
import { GraphRepository } from './graph-repository.js';
import { Investigations } from './investigations.js';
import { ProvenanceRepository } from './provenance-repository.js';
import { RelationEdits } from './relation-edits.js';
import { RelationRepository } from './relation-repository.js';
import { SourceGroups } from './source-groups.js';
import { StatsRepository } from './stats-repository.js';

/** Every repository, each on one request's executor (its logger, actor, bookmarks and deadline): what resolvers reach the database through. */
export interface Repositories {
  stats: StatsRepository;
  entities: EntityRepository;
  relations: RelationRepository;
  provenance: ProvenanceRepository;
  graph: GraphRepository;
  entityEdits: EntityEdits;
  relationEdits: RelationEdits;
  sourceGroups: SourceGroups;
  investigations: Investigations;
  bundles: Bundles;
  changeLog: ChangeLog;
}

export function createRepositories(executor: Executor): Repositories {
  return {
    stats: new StatsRepository(executor),
    entities: new EntityRepository(executor),
    relations: new RelationRepository(executor),
    provenance: new ProvenanceRepository(executor),
    graph: new GraphRepository(executor),
    entityEdits: new EntityEdits(executor),
    relationEdits: new RelationEdits(executor),
    sourceGroups: new SourceGroups(executor),
    investigations: new Investigations(executor),
    bundles: new Bundles(executor),
    changeLog: new ChangeLog(executor),
  };
}
