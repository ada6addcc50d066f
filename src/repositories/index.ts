import { ChangeFeedRepository } from './change-feed-repository.js';
import type { Executor } from '../db/executor.js';
import { BundleRepository } from './bundle-repository.js';
import { EntityEditRepository } from './entity-edit-repository.js';
import { EntityRepository } from './entity-repository.js';
import { GraphRepository } from './graph-repository.js';
import { InvestigationRepository } from './investigation-repository.js';
import { ProvenanceRepository } from './provenance-repository.js';
import { RelationEditRepository } from './relation-edit-repository.js';
import { RelationRepository } from './relation-repository.js';
import { SourceGroupRepository } from './source-group-repository.js';
import { StatsRepository } from './stats-repository.js';

/** Every repository, each on one request's executor (its logger, actor, bookmarks and deadline): what resolvers reach the database through. */
export interface Repositories {
  stats: StatsRepository;
  entities: EntityRepository;
  relations: RelationRepository;
  provenance: ProvenanceRepository;
  graph: GraphRepository;
  entityEdits: EntityEditRepository;
  relationEdits: RelationEditRepository;
  sourceGroups: SourceGroupRepository;
  investigations: InvestigationRepository;
  bundles: BundleRepository;
  changeFeed: ChangeFeedRepository;
}

export function createRepositories(executor: Executor): Repositories {
  return {
    stats: new StatsRepository(executor),
    entities: new EntityRepository(executor),
    relations: new RelationRepository(executor),
    provenance: new ProvenanceRepository(executor),
    graph: new GraphRepository(executor),
    entityEdits: new EntityEditRepository(executor),
    relationEdits: new RelationEditRepository(executor),
    sourceGroups: new SourceGroupRepository(executor),
    investigations: new InvestigationRepository(executor),
    bundles: new BundleRepository(executor),
    changeFeed: new ChangeFeedRepository(executor),
  };
}
