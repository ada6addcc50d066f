import {
  DOCUMENT_TEXT,
  RELATION_PANEL,
  STATS,
  detailsQuery,
  entityPanelQuery,
  neighborhoodsQuery,
  pathQuery,
  searchQuery,
  type GraphQLRequest,
} from '../explorer/src/queries.js';

/**
 * What an analyst's first minute in the explorer sends, over the seed graph
 * (data/seed/seed.bundle.json), built by the explorer's own request builders
 * so that each request is byte for byte what the page sends. The ids are the
 * seed's, known here rather than looked up: a look-up would itself warm the
 * service before the first answer is timed.
 */

const AS_OF = '2021-08';
const FILTERS = {
  none: undefined,
  asOf: { asOf: AS_OF, minSources: null },
  minSources: { asOf: null, minSources: 1 },
  both: { asOf: AS_OF, minSources: 1 },
} as const;

export interface ExplorerRequest {
  name: string;
  request: GraphQLRequest;
  /**
   * The same request for ids not asked before, sent once after the warm
   * answers: a path's first answer for a pair is slower than its repeats even
   * on a warm service, and this shows how much of the gap is that.
   */
  freshIds?: GraphQLRequest;
}

const plain = (query: string, variables: Record<string, unknown> = {}): GraphQLRequest => ({ query, variables });

export const SEED_DOCUMENT = '000-d42a34f1ce22f931';

export function explorerSession(): ExplorerRequest[] {
  const requests: ExplorerRequest[] = [
    { name: 'stats', request: plain(STATS) },
    { name: 'search', request: searchQuery('zapad') },
    { name: 'neighbourhoods (1 entity)', request: neighborhoodsQuery(['zapad-interaction-2021'], []) },
    { name: 'entity panel', request: entityPanelQuery('liu-xiaowu') },
    { name: 'relation panel', request: plain(RELATION_PANEL, { id: 'liu-xiaowu-commands-zapad-interaction-2021' }) },
    { name: 'neighbourhoods (3 entities)', request: neighborhoodsQuery(['china', 'russia', 'taliban'], []) },
    { name: 'path', request: pathQuery('liu-xiaowu', 'taliban', []), freshIds: pathQuery('qingtongxia', 'western-theater-command', []) },
    // The first type box unchecked: the three others.
    { name: 'neighbourhoods, one type unchecked', request: neighborhoodsQuery(['china'], ['COMMANDS', 'MEMBER_OF', 'LOCATED_IN']) },
  ];
  // Pairs asked by nothing else here, nor by the warm-up on the seed.
  const freshPairs = {
    asOf: ['central-asia', 'liu-xiaowu'],
    minSources: ['afghanistan', 'western-theater-command'],
    both: ['ningxia-hui-autonomous-region', 'taliban'],
  } as const;
  for (const variant of ['asOf', 'minSources', 'both'] as const) {
    const filters = FILTERS[variant];
    const [freshFrom, freshTo] = freshPairs[variant];
    requests.push(
      { name: `neighbourhoods, ${variant}`, request: neighborhoodsQuery(['zapad-interaction-2021'], [], filters) },
      { name: `search, ${variant}`, request: searchQuery('russia', filters) },
      { name: `path, ${variant}`, request: pathQuery('liu-xiaowu', 'taliban', [], filters), freshIds: pathQuery(freshFrom, freshTo, [], filters) },
      { name: `entity panel, ${variant}`, request: entityPanelQuery('china', filters) },
    );
  }
  requests.push(
    { name: 'export: details', request: detailsQuery(['liu-xiaowu', 'china'], ['liu-xiaowu-commands-zapad-interaction-2021']) },
    { name: 'export: document text', request: plain(DOCUMENT_TEXT, { id: SEED_DOCUMENT }) },
  );
  return requests;
}
